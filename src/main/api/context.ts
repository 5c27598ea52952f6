import type { Kysely } from 'kysely'
import type { Connection } from '../db'
import type { Database } from '../db/schema'
import type { LukkhaEvent } from '../../shared/events'
import type { ReportPrinter } from '../reports/printer'

/** What a handler gets besides its validated input: the open database and a way to report progress. */
export interface ApiContext {
  db: Kysely<Database>
  connection: Connection
  appVersion: string
  systemLocale: string
  emit(event: LukkhaEvent): void
  /** Turns report pages into PDF or paper; absent where nothing can print (the CLI). */
  printer?: ReportPrinter
}
