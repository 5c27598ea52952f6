import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { LukkhaError } from '../errors'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { assertLukkhaDatabase } from './identity'
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
 * The page size of a database Lukkha creates (SQLite fixes it when the file is first written; a file made with
 * another size keeps its own). 8 KB rather than SQLite's 4 KB: imports write in bulk, where half the pages means
 * half the page headers, B-tree splits and WAL frames. The 1M-line import bench's commit (its WAL copied into the
 * file) took 0.85-0.98 s with 4 KB pages, 0.66-0.77 s with 8 KB and 0.58-0.67 s with 16 KB; 16 KB made the
 * analysis save 0.1 s slower (100,000 score rows inserted into three indexes), 8 KB did not
 * (src/main/import/README.md, session 11).
 */
export const PAGE_SIZE = 8192

/**
 * Opens a SQLite file (or ':memory:') with the pragmas Lukkha depends on, and checks that each took effect:
 * WAL so readers never block the writer, synchronous FULL so a committed import survives a power cut,
 * foreign keys so undo and deletes cascade, and a busy timeout for the app's own worker threads.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const memory = file === ':memory:' || file === ''
  if (!memory && !options.readonly) createPrivateFile(file)
  let sqlite: Sqlite
  let inMemoryCopy = false
  sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  })
  if (options.readonly && !memory) {
    try {
      sqlite.pragma('schema_version') // SQLite opens the file (and its WAL index) at the first read
    } catch (error) {
      sqlite.close()
      // no -shm and no way to make one: CANTOPEN on a read-only mount, READONLY_CANTINIT in a folder the
      // user may not write
      const code = String((error as { code?: unknown }).code)
      if (code !== 'SQLITE_CANTOPEN' && !code.startsWith('SQLITE_READONLY')) throw error
      sqlite = openFromReadOnlyStorage(file, error)
      inMemoryCopy = true
    }
  }
  try {
    if (!memory) assertLukkhaDatabase(sqlite, file) // before any pragma writes to a file that is not ours
    applyPragmas(sqlite, inMemoryCopy ? ':memory:' : file, options.readonly ?? false)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

/**
 * Reading a database on storage nothing can be written to (a read-only mount, a folder the user may not
 * write): SQLite cannot open a WAL database read-only when its -shm file is absent and cannot be created
 * (SQLITE_CANTOPEN, SQLITE_READONLY_CANTINIT). Then the file's bytes are read into a private in-memory copy (marked as a rollback-
 * journal database, since an in-memory database has no WAL), with every write refused. A -wal file with
 * unfinished writes cannot be folded in that way: that is refused with read_only rather than read stale.
 */
function openFromReadOnlyStorage(file: string, cause: unknown): Sqlite {
  const refused = (why: string): LukkhaError =>
    new LukkhaError(
      'read_only',
      `Lukkha cannot read ${file} from read-only storage: ${why}. Nothing was changed.`,
      undefined,
      { path: file },
    )
  if (!existsSync(file)) throw cause
  const wal = `${file}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw refused('its -wal file holds writes that were never folded in, and the folder cannot be written')
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    throw cause
  }
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1 // the header's WAL marks -> rollback journal: the copy is a plain database
    bytes[19] = 1
  }
  const sqlite = new BetterSqlite3(bytes, { readonly: true })
  sqlite.pragma('query_only = ON')
  return sqlite
}

/**
 * A shop's sales and customers are personal data: a new database file is created readable by its owner only
 * (0600), in a folder only its owner can enter (0700) when Lukkha creates that folder. SQLite gives the -wal
 * and -shm files the database file's mode. Existing files and folders keep the mode the user gave them.
 */
function createPrivateFile(file: string): void {
  if (existsSync(file)) return
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  try {
    closeSync(openSync(file, 'wx', 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

function applyPragmas(sqlite: Sqlite, file: string, readonly: boolean): void {
  const memory = file === ':memory:' || file === ''
  if (!readonly) sqlite.pragma(`page_size = ${PAGE_SIZE}`) // before anything is written; no-op on an existing file
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
  if (!memory && !options.readonly) mkdirSync(dirname(file), { recursive: true, mode: 0o700 }) // the lock lives there
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
  const connection: Connection = {
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
  connections.set(db, connection)
  return connection
}

const connections = new WeakMap<Kysely<Database>, Connection>()

/** The connection a Kysely handle from openDatabase belongs to (for its file and its SQLite handle). */
export function connectionOf(db: Kysely<Database>): Connection | undefined {
  return connections.get(db)
}
