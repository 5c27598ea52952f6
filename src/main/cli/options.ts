import type { Command } from 'commander'
import { defaultDbFile } from '../paths'

export interface GlobalOptions {
  db: string
  json?: boolean
}

/** Adds the options every command shares: --db FILE and --json. */
export function dbOption(command: Command): Command {
  return command
    .option('--db <file>', 'the database file', defaultDbFile())
    .option('--json', 'print machine-readable JSON (snake_case keys) on stdout')
}
