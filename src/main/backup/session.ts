import { existsSync, renameSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { migrateToLatest, openDatabase, type Connection } from '../db'
import { acquireWriteLock } from '../db/lock'
import type { Database } from '../db/schema'
import { toCodedError } from '../errors'
import { checkHealth, latestGoodBackup, stopWriting, type Health } from './health'

// The app's one open shop database, and how it is swapped while the app runs: a restore, or "start fresh"
// after damage, needs the file closed (no connection, no lock), then opened again, migrated and checked.
// A file too damaged to open at all still gives the app a database to answer from: an empty, read-only one
// in memory, with health 'corrupt', so the recovery screen can show instead of the app refusing to start.

/** What holds the open database (the API context): its fields are replaced when the file is reopened. */
export interface DatabaseHolder {
  db: Kysely<Database>
  connection: Connection
  health?: Health
}

export interface OpenedDatabase {
  connection: Connection
  health: Health
}

/**
 * Opens the shop database for the app: quick_check before anything writes; a damaged file is opened with
 * every write refused, and a file SQLite cannot even open as a database gets the read-only placeholder.
 * Errors that are not damage (a foreign file, a newer schema, the lock held elsewhere) are thrown.
 */
export async function openShopDatabase(dbFile: string): Promise<OpenedDatabase> {
  const memory = dbFile === ':memory:' || dbFile === ''
  let connection: Connection
  try {
    connection = openDatabase(dbFile)
  } catch (error) {
    const coded = toCodedError(error)
    if (memory || coded.code !== 'database_corrupt') throw coded
    return unopenable(dbFile, coded.message)
  }
  const health: Health = memory ? { status: 'ok' } : checkHealth(connection.sqlite, dbFile)
  if (health.status === 'corrupt') {
    stopWriting(connection.sqlite)
    return { connection, health }
  }
  try {
    await migrateToLatest(connection.db)
  } catch (error) {
    await connection.close()
    const coded = toCodedError(error)
    if (coded.code === 'database_corrupt') return unopenable(dbFile, coded.message)
    throw coded
  }
  return { connection, health }
}

/** An empty read-only database in memory standing in for a file SQLite could not open. */
async function unopenable(dbFile: string, problem: string): Promise<OpenedDatabase> {
  const placeholder = openDatabase(':memory:')
  await migrateToLatest(placeholder.db)
  stopWriting(placeholder.sqlite)
  return {
    connection: { ...placeholder, file: dbFile },
    health: { status: 'corrupt', problem, latestGoodBackup: latestGoodBackup(dbFile) },
  }
}

/**
 * Closes the holder's database, runs `change` on the closed file (restore, set aside), and opens it again,
 * whatever `change` did; the holder then has the new connection and health.
 */
export async function withDatabaseClosed<T>(
  holder: DatabaseHolder,
  change: (dbFile: string) => Promise<T>,
): Promise<T> {
  const dbFile = holder.connection.file
  await holder.connection.close()
  // this process keeps the write lock while the file is replaced, so no other Lukkha opens it in between
  const release = acquireWriteLock(dbFile)
  try {
    return await change(dbFile)
  } finally {
    try {
      const opened = await openShopDatabase(dbFile)
      holder.connection = opened.connection
      holder.db = opened.connection.db
      holder.health = opened.health
    } finally {
      release()
    }
  }
}

/**
 * "Start fresh": the damaged file (with its -wal and -shm) is renamed aside, never deleted, and the next open
 * makes a new empty database. Returns the name it was kept under. The database must be closed.
 */
export function setDamagedFileAside(dbFile: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15)
  let aside = `${dbFile}.damaged-${stamp}`
  for (let n = 2; existsSync(aside); n++) aside = `${dbFile}.damaged-${stamp}-${n}`
  if (existsSync(dbFile)) renameSync(dbFile, aside)
  for (const extra of ['-wal', '-shm']) {
    if (existsSync(`${dbFile}${extra}`)) renameSync(`${dbFile}${extra}`, `${aside}${extra}`)
  }
  return aside
}
