import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { LukkhaError } from '../errors'

// SQLite lets any number of processes open one file, and a second Lukkha writing the same shop database
// would interleave imports and undo each other's work. So the process that opens a database for writing
// holds a lock file beside it naming its pid. Another process is refused with a clear message; the same
// process (its worker threads, a second connection) may open it again.
//
// Taking the lock is atomic: the lock's content is written to a private temporary file first and then
// hard-linked to the lock name, which fails if the name exists. So a lock file is never seen half-written,
// and of two processes starting at the same instant exactly one gets it.
//
// A lock left by a process that no longer runs (same host) is broken, and breaking is serialised by a
// second lock (`<db>.lock.break`, same atomic create): only its holder may remove a lock it has just
// re-read as stale, and since nobody else removes a stale lock, nobody can create a new one in between.
// A break lock names its owner the same way, so one left by a process killed while breaking (kill -9 of a
// starting import) is cleared as soon as its owner is gone, not only once it is old.
// A lock whose pid is now used by another program is not stale to Lukkha: the README says how to clear it.

interface LockInfo {
  pid: number
  host: string
  since: string
  /** Unique per lock taken, so a breaker can tell the lock it judged stale from a new one. */
  nonce: string
}

/** An unreadable lock file younger than this may be one another tool is writing: it counts as held. */
const UNREADABLE_GRACE_MS = 10_000
/** A break lock older than this was left by a process that died while breaking a stale lock. */
const BREAK_LOCK_STALE_MS = 10_000

// lock path -> connections open in this thread, and whether this thread created the file (only the creator
// removes it, so a worker thread closing its connection never drops the main thread's lock)
const held = new Map<string, { count: number; created: boolean; nonce: string | null }>()

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

type ReadResult =
  | { state: 'absent' }
  | { state: 'unreadable'; ageMs: number; raw: string }
  | { state: 'ok'; info: LockInfo; raw: string; ageMs: number }

function readLock(path: string): ReadResult {
  let raw: string
  let ageMs: number
  try {
    ageMs = Date.now() - statSync(path).mtimeMs
    raw = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' }
    throw error
  }
  try {
    const info = JSON.parse(raw) as Partial<LockInfo>
    if (typeof info.pid === 'number' && typeof info.host === 'string') {
      return { state: 'ok', info: { since: '?', nonce: '', ...info } as LockInfo, raw, ageMs }
    }
  } catch {
    // fall through: not a lock Lukkha wrote whole
  }
  return { state: 'unreadable', ageMs, raw }
}

/** Creates `path` holding `content`, atomically: false when it already exists. */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`
  writeFileSync(temp, content, { mode: 0o600 })
  try {
    linkSync(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
  }
}

/**
 * createExclusive for the write lock: on storage nothing can be written to (a read-only folder or mount)
 * the failure names the database, not the lock's temporary file, so the plain read_only sentence says
 * which database cannot be written.
 */
function createLockOf(dbFile: string, path: string, content: string): boolean {
  try {
    return createExclusive(path, content)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    if (e.code === 'EROFS' || e.code === 'EACCES' || e.code === 'EPERM') e.path = dbFile
    throw error
  }
}

function removeIfUnchanged(path: string, raw: string): void {
  const now = readLock(path)
  if (now.state !== 'absent' && now.raw === raw) {
    try {
      unlinkSync(path)
    } catch {
      // gone already
    }
  }
}

/** A lock's content naming this process. */
function ownLockInfo(): LockInfo {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomUUID() }
}

/** Whether a lock file's owner is a process on this host that no longer runs. */
function ownerGone(info: LockInfo): boolean {
  return info.host === hostname() && !isRunning(info.pid)
}

/** Removes the lock at `path` if it still holds exactly `raw` (the stale content judged by the caller). */
function breakStaleLock(path: string, raw: string): void {
  const breaker = `${path}.break`
  if (!createExclusive(breaker, JSON.stringify(ownLockInfo()))) {
    // someone else is breaking it, or died doing so; the caller tries again
    const other = readLock(breaker)
    if (other.state === 'absent') return
    if ((other.state === 'ok' && ownerGone(other.info)) || other.ageMs > BREAK_LOCK_STALE_MS)
      removeIfUnchanged(breaker, other.raw)
    return
  }
  try {
    removeIfUnchanged(path, raw)
  } finally {
    try {
      unlinkSync(breaker)
    } catch {
      // gone
    }
  }
}

export function lockPathFor(dbFile: string): string {
  return `${dbFile}.lock`
}

function inUse(dbFile: string, path: string, info: LockInfo): LukkhaError {
  return new LukkhaError(
    'in_use',
    `The database ${dbFile} is open for writing in another Lukkha process (pid ${info.pid} on ${info.host} since ${info.since}). Close it there first. If no Lukkha is running, delete the lock file ${path}.`,
  )
}

function waitBriefly(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Takes (or joins, within this process) the write lock of a database file. Returns its release function. */
export function acquireWriteLock(dbFile: string): () => void {
  const path = lockPathFor(dbFile)
  for (let attempt = 0; attempt < 20; attempt++) {
    const mine = held.get(path)
    if (mine) {
      mine.count++
      return () => release(path)
    }
    const info = ownLockInfo()
    if (createLockOf(dbFile, path, JSON.stringify(info))) {
      held.set(path, { count: 1, created: true, nonce: info.nonce })
      return () => release(path)
    }
    const found = readLock(path)
    if (found.state === 'absent') continue // released in between: try again
    if (found.state === 'unreadable') {
      if (found.ageMs < UNREADABLE_GRACE_MS) {
        throw new LukkhaError(
          'in_use',
          `The database ${dbFile} is being opened by another process (its lock file ${path} is being written). Try again in a moment.`,
        )
      }
      breakStaleLock(path, found.raw)
      waitBriefly(5)
      continue
    }
    const other = found.info
    if (other.pid === process.pid && other.host === info.host) {
      // another thread of this process holds it: join without owning the file
      held.set(path, { count: 1, created: false, nonce: null })
      return () => release(path)
    }
    if (!ownerGone(other)) throw inUse(dbFile, path, other)
    breakStaleLock(path, found.raw) // its owner is gone
    waitBriefly(5)
  }
  throw new LukkhaError('in_use', `Could not take the write lock ${path}; another process keeps changing it.`)
}

function removeOwnLock(path: string, nonce: string | null): void {
  const found = readLock(path)
  if (found.state === 'ok' && found.info.pid === process.pid && found.info.nonce === nonce) {
    try {
      unlinkSync(path)
    } catch {
      // already gone
    }
  }
}

function release(path: string): void {
  const mine = held.get(path)
  if (!mine) return
  if (--mine.count > 0) return
  held.delete(path)
  if (mine.created) removeOwnLock(path, mine.nonce)
}

process.once('exit', () => {
  for (const [path, mine] of held) if (mine.created) removeOwnLock(path, mine.nonce)
})
