import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { LukkhaError } from '../errors'

// SQLite lets any number of processes open one file, and a second Lukkha writing the same shop database
// would interleave imports and undo each other's work. So the process that opens a database for writing
// holds a lock file beside it naming its pid. Another process is refused with a clear message; the same
// process (its worker threads, a second connection) may open it again. A lock left by a process that no
// longer runs is taken over.

interface LockInfo {
  pid: number
  host: string
  since: string
}

// lock path -> connections open in this thread, and whether this thread created the file (only the creator
// removes it, so a worker thread closing its connection never drops the main thread's lock)
const held = new Map<string, { count: number; created: boolean }>()

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo
  } catch {
    return null // vanished or half-written: treat as no lock
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx')
    const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
    writeSync(fd, JSON.stringify(info))
    closeSync(fd)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

export function lockPathFor(dbFile: string): string {
  return `${dbFile}.lock`
}

/** Takes (or joins, within this process) the write lock of a database file. Returns its release function. */
export function acquireWriteLock(dbFile: string): () => void {
  const path = lockPathFor(dbFile)
  for (let attempt = 0; attempt < 3; attempt++) {
    const mine = held.get(path)
    if (mine) {
      mine.count++
      return () => release(path)
    }
    if (tryCreate(path)) {
      held.set(path, { count: 1, created: true })
      return () => release(path)
    }
    const info = readLock(path)
    if (info && info.pid === process.pid && info.host === hostname()) {
      held.set(path, { count: 1, created: false })
      return () => release(path)
    }
    if (info && (info.host !== hostname() || isRunning(info.pid))) {
      throw new LukkhaError(
        'in_use',
        `The database ${dbFile} is open for writing in another Lukkha process (pid ${info.pid} on ${info.host} since ${info.since}). Close it there first.`,
      )
    }
    try {
      unlinkSync(path) // stale: its owner is gone
    } catch {
      // another process removed it first; try again
    }
  }
  throw new LukkhaError('in_use', `Could not take the write lock ${path}; another process keeps changing it.`)
}

function release(path: string): void {
  const mine = held.get(path)
  if (!mine) return
  if (--mine.count > 0) return
  held.delete(path)
  const info = readLock(path)
  if (mine.created && info?.pid === process.pid) {
    try {
      unlinkSync(path)
    } catch {
      // already gone
    }
  }
}

process.once('exit', () => {
  for (const [path, mine] of held) {
    const info = readLock(path)
    if (mine.created && info?.pid === process.pid) {
      try {
        unlinkSync(path)
      } catch {
        // best effort at exit
      }
    }
  }
})
