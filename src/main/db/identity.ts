import { LukkhaError } from '../errors'
import { migrations } from './migrations'
import type BetterSqlite3 from 'better-sqlite3'

// Which file is this? A Lukkha database carries Lukkha's mark in the SQLite header (PRAGMA application_id)
// and the number of schema changes applied to it (PRAGMA user_version). Before anything is written, a file
// that belongs to another application, or one written by a newer Lukkha, is refused with a plain sentence:
// pointing --db at another program's file must never add Lukkha's tables to it.

/** 'LKHA' as a 32-bit big-endian integer: the value of PRAGMA application_id in every Lukkha database. */
export const LUKKHA_APPLICATION_ID = 0x4c4b4841

/** The user_version this build writes: how many schema changes it knows. */
export function knownSchemaVersion(known: Record<string, unknown> = migrations): number {
  return Object.keys(known).length
}

/** The first migration every Lukkha database has ever had; an unmarked file with it is an older Lukkha's. */
const FIRST_MIGRATION = '2026_11_25_000000_create_core_schema'

function pragmaNumber(sqlite: BetterSqlite3.Database, name: string): number {
  return Number(sqlite.pragma(name, { simple: true }))
}

function userTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[]
  return rows.map((r) => r.name)
}

function hasLukkhaHistory(sqlite: BetterSqlite3.Database): boolean {
  const row = sqlite
    .prepare('select 1 as yes from kysely_migration where name = ? limit 1')
    .get(FIRST_MIGRATION) as { yes: number } | undefined
  return row !== undefined
}

/**
 * Checks that an open SQLite file is a Lukkha database (or an empty file Lukkha may make one of) and not
 * newer than this build. Reads only the header and the table list; throws a LukkhaError with a plain
 * message otherwise.
 */
export function assertLukkhaDatabase(
  sqlite: BetterSqlite3.Database,
  file: string,
  known: Record<string, unknown> = migrations,
): void {
  const applicationId = pragmaNumber(sqlite, 'application_id')
  const userVersion = pragmaNumber(sqlite, 'user_version')
  if (applicationId !== LUKKHA_APPLICATION_ID) {
    const tables = userTables(sqlite)
    const empty = tables.length === 0 && applicationId === 0 && userVersion === 0
    const olderLukkha = applicationId === 0 && tables.includes('kysely_migration') && hasLukkhaHistory(sqlite)
    if (!empty && !olderLukkha) {
      throw new LukkhaError(
        'bad_input',
        `${file} is not a Lukkha database (it belongs to another program). Lukkha left it unchanged; choose a Lukkha database file or a new file name.`,
      )
    }
  }
  const supported = knownSchemaVersion(known)
  if (userVersion > supported) {
    throw new LukkhaError(
      'too_new',
      `${file} was written by a newer version of Lukkha (schema version ${userVersion}; this version knows up to ${supported}). Update Lukkha to open it; nothing was changed.`,
    )
  }
}
