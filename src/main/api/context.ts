import type { SaveFileChooser } from '../backup/chooser'
import type { Health } from '../backup/health'
import type { Kysely } from 'kysely'
import type { Connection } from '../db'
import type { Database } from '../db/schema'
import type { JobRegistry } from '../jobs/registry'
import type { LukkhaEvent } from '../../shared/events'
import type { ReportPrinter } from '../reports/printer'

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
  /** Turns report pages into PDF or paper; absent where nothing can print (the CLI). */
  printer?: ReportPrinter
  /** Asks the user where to save a file (the shell's save dialog); absent where there is none (the CLI). */
  chooseSaveFile?: SaveFileChooser
  /** Cancels and awaits every job, then closes the database. */
  close(): Promise<void>
  /** The start-up quick_check: 'corrupt' means writing has stopped and the UI offers the latest backup. */
  health?: Health
}
