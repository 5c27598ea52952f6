import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { acquireWriteLock } from './lock'
import type { Database } from './schema'

export type Sqlite = BetterSqlite3.Database

export interface OpenOptions {
  /** Open without taking the write lock; every write is refused by SQLite. */
  readonly?: boolean
}

export interface Connection {
  file: string
  sqlite: Sqlite
  db: Kysely<Database>
  close(): Promise<void>
}

const BUSY_TIMEOUT_MS = 5000

/**
 * Opens a SQLite file (or ':memory:') with the pragmas Lukkha depends on, and checks that each took effect:
 * WAL so readers never block the writer, synchronous FULL so a committed import survives a power cut,
 * foreign keys so undo and deletes cascade, and a busy timeout for the app's own worker threads.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  })
  try {
    applyPragmas(sqlite, file, options.readonly ?? false)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

function applyPragmas(sqlite: Sqlite, file: string, readonly: boolean): void {
  const memory = file === ':memory:' || file === ''
  if (!readonly) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('secure_delete = ON') // PDPA: erased personal data must not linger in free pages
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)

  const expected: Record<string, string | number> = {
    journal_mode: memory ? 'memory' : 'wal',
    synchronous: 2,
    foreign_keys: 1,
    busy_timeout: BUSY_TIMEOUT_MS,
  }
  for (const [name, want] of Object.entries(expected)) {
    const got: unknown = sqlite.pragma(name, { simple: true })
    if (got !== want) {
      throw new Error(`SQLite pragma ${name} is ${String(got)} after opening ${file}; Lukkha needs ${want}.`)
    }
  }
}

/** Opens a database for the engine: SQLite with its pragmas, the write lock, and a Kysely handle over it. */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const memory = file === ':memory:' || file === ''
  const release = memory || options.readonly ? () => undefined : acquireWriteLock(file)
  let sqlite: Sqlite
  try {
    sqlite = openSqlite(file, options)
  } catch (error) {
    release()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  let closed = false
  return {
    file,
    sqlite,
    db,
    async close() {
      if (closed) return
      closed = true
      await db.destroy() // closes the better-sqlite3 handle too
      release()
    },
  }
}
