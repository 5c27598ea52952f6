import type { Kysely } from 'kysely'
import type { Connection } from '../db'
import type { Database } from '../db/schema'
import type { JobRegistry } from '../jobs/registry'
import type { LukkhaEvent } from '../../shared/events'

/** What a handler gets besides its validated input: the open database, its jobs, the clock, events. */
export interface ApiContext {
  db: Kysely<Database>
  connection: Connection
  /** Every job of this context (imports, analysis runs, ...), keyed by job id: src/main/jobs. */
  jobs: JobRegistry
  appVersion: string
  systemLocale: string
  /** The clock engine code is given (tests set it); engine code never calls new Date() for "now". */
  now(): Date
  emit(event: LukkhaEvent): void
  /** Cancels and awaits every job, then closes the database. */
  close(): Promise<void>
}
