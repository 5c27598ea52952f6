import type { Health } from '../backup/health'
import type { Kysely } from 'kysely'
import type { Connection } from '../db'
import type { Database } from '../db/schema'
import type { LukkhaEvent } from '../../shared/events'

/** What a handler gets besides its validated input: the open database and a way to report progress. */
export interface ApiContext {
  db: Kysely<Database>
  connection: Connection
  appVersion: string
  systemLocale: string
  emit(event: LukkhaEvent): void
  /** The start-up quick_check: 'corrupt' means writing has stopped and the UI offers the latest backup. */
  health?: Health
}
