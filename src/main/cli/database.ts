import { assertHealthy } from '../backup/health'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { migrateToLatest, openDatabase, schemaVersion, type Connection } from '../db'
import { migrations } from '../db/migrations'
import { CliError } from './output'

/** Opens the database for a command that writes: takes the write lock and migrates to the latest schema. */
export async function openForWriting(file: string): Promise<Connection> {
  const path = resolve(file)
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const connection = openDatabase(path)
  try {
    assertHealthy(connection.sqlite, path) // quick_check: a damaged file is never written to
    await migrateToLatest(connection.db)
  } catch (error) {
    await connection.close()
    throw error
  }
  return connection
}

/** Opens the database for a command that only reads; works while the app has it open. */
export async function openForReading(file: string): Promise<Connection> {
  const path = resolve(file)
  if (!existsSync(path)) {
    throw new CliError(`There is no database at ${path}. Create one with: npm run cli -- init --db ${file}`)
  }
  const connection = openDatabase(path, { readonly: true })
  const latest = Object.keys(migrations).at(-1) ?? null
  const version = await schemaVersion(connection.db)
  if (version !== latest) {
    await connection.close()
    throw new CliError(
      version === null
        ? `${path} is not a Lukkha database (no schema). Create one with: npm run cli -- init --db ${file}`
        : `${path} has schema ${version}; this version needs ${latest}. Run: npm run cli -- init --db ${file}`,
    )
  }
  return connection
}

export async function withConnection<T>(
  open: Promise<Connection>,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await open
  try {
    return await work(connection)
  } finally {
    await connection.close()
  }
}
