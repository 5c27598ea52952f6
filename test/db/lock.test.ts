import { spawn } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { createInterface } from 'node:readline'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import { lockPathFor } from '../../src/main/db/lock'
import { tempDir } from '../helpers/db'
import { projectRoot, runCli } from '../helpers/node'

async function migratedFile(): Promise<string> {
  const file = join(tempDir(), 'shop.db')
  const conn = openDatabase(file)
  await migrateToLatest(conn.db)
  await conn.close()
  return file
}

/** Starts another process that holds the database open for writing; resolves once it has it. */
function holdInOtherProcess(file: string): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(projectRoot, 'test/fixtures/hold-db.ts'), file],
    {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  return new Promise((done, fail) => {
    child.once('error', fail)
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) {
        done({
          pid: child.pid ?? -1,
          stop: () =>
            new Promise((stopped) => {
              child.once('exit', () => stopped())
              child.stdin.end()
            }),
        })
      }
    })
  })
}

describe('write lock', () => {
  it('refuses a second process that opens the database for writing, with a clear message', async () => {
    const file = await migratedFile()
    const holder = await holdInOtherProcess(file)
    try {
      expect(() => openDatabase(file)).toThrow(
        new RegExp(`open for writing in another Lukkha process \\(pid ${holder.pid}`),
      )
      const cli = await runCli(['init', '--db', file])
      expect(cli.code).not.toBe(0)
      expect(cli.stderr).toMatch(/open for writing in another Lukkha process/)
      // reading is still allowed while the app has it open
      const stats = await runCli(['stats', '--db', file, '--json'])
      expect(stats.code).toBe(0)
      expect(JSON.parse(stats.stdout)).toMatchObject({ customers: 0 })
    } finally {
      await holder.stop()
    }
    expect(existsSync(lockPathFor(file))).toBe(false)
    const after = openDatabase(file) // free again once the other process closed it
    await after.close()
  }, 180_000) // child processes through tsx: slow on a loaded 2-core machine

  it("lets the same process's worker threads write while it holds the database", async () => {
    const file = await migratedFile()
    const conn = openDatabase(file)
    const worker = new Worker(resolve(projectRoot, 'test/fixtures/db-worker.ts'), {
      workerData: { file },
      execArgv: ['--import', 'tsx'],
    })
    const count = await new Promise<number>((done, fail) => {
      worker.once('message', done)
      worker.once('error', fail)
    })
    expect(count).toBe(1)
    // the worker closing its connection did not drop the main thread's lock
    expect(existsSync(lockPathFor(file))).toBe(true)
    const row = conn.sqlite.prepare('select name from stores').get() as { name: string }
    expect(row.name).toBe('from worker')
    await conn.close()
    expect(existsSync(lockPathFor(file))).toBe(false)
  })

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const file = await migratedFile()
    const dead = 2 ** 22 + 7
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: dead, host: hostname(), since: 'then' }))
    const conn = openDatabase(file)
    const lock = JSON.parse(readFileSync(lockPathFor(file), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(process.pid) // the dead owner's lock was replaced by ours
    await conn.close()
    expect(existsSync(lockPathFor(file))).toBe(false)
  })

  it('takes over when the process that died held the break lock too (killed while breaking a stale lock)', async () => {
    const file = await migratedFile()
    const dead = { host: hostname(), since: 'then' }
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 2 ** 22 + 7, ...dead }))
    writeFileSync(`${lockPathFor(file)}.break`, JSON.stringify({ pid: 2 ** 22 + 9, ...dead }))
    const conn = openDatabase(file) // not "keeps changing it" for the ten seconds the break lock is young
    expect((JSON.parse(readFileSync(lockPathFor(file), 'utf8')) as { pid: number }).pid).toBe(process.pid)
    expect(existsSync(`${lockPathFor(file)}.break`)).toBe(false)
    await conn.close()
  })

  it('never deletes an empty lock file another process may be writing, but clears one left long ago', async () => {
    const file = await migratedFile()
    const path = lockPathFor(file)
    writeFileSync(path, '')
    expect(() => openDatabase(file)).toThrow(/is being opened by another process/)
    expect(existsSync(path)).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('')

    const longAgo = new Date(Date.now() - 60_000)
    utimesSync(path, longAgo, longAgo)
    const conn = openDatabase(file)
    expect((JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid).toBe(process.pid)
    await conn.close()
  })

  it('of two processes taking the lock at the same instant, exactly one gets it (50 trials)', async () => {
    const dir = tempDir()
    const [a, b] = [startContender(), startContender()]
    try {
      await Promise.all([a.next(), b.next()]) // both 'ready'
      const winners: number[] = []
      for (let trial = 0; trial < 50; trial++) {
        const file = join(dir, `race-${trial}.db`)
        // every other trial races over a stale lock, so the stale-lock breaking path races too
        if (trial % 2 === 1) {
          writeFileSync(
            lockPathFor(file),
            JSON.stringify({ pid: 2 ** 22 + 11, host: hostname(), since: 'then' }),
          )
        }
        const at = Date.now() + 40
        const answers = await Promise.all([a.send(`${at} ${file}`), b.send(`${at} ${file}`)])
        const took = answers.filter((line) => line === 'took').length
        expect(
          answers.filter((line) => line !== 'took').every((line) => /^refused .*open for writing/.test(line)),
        ).toBe(true)
        winners.push(took)
        const lock = JSON.parse(readFileSync(lockPathFor(file), 'utf8')) as { pid: number }
        expect([a.pid, b.pid]).toContain(lock.pid)
        await Promise.all([a.send('release'), b.send('release')])
        expect(existsSync(lockPathFor(file))).toBe(false)
      }
      expect(winners).toEqual(Array.from({ length: 50 }, () => 1))
    } finally {
      a.stop()
      b.stop()
    }
  })
})

/** A child process that takes the lock on command (test/fixtures/lock-contender.ts). */
function startContender(): {
  pid: number
  next: () => Promise<string>
  send: (line: string) => Promise<string>
  stop: () => void
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(projectRoot, 'test/fixtures/lock-contender.ts')],
    {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout })
  const queue: string[] = []
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => {
    const waiter = waiting.shift()
    if (waiter) waiter(line)
    else queue.push(line)
  })
  const next = (): Promise<string> =>
    new Promise((done) => {
      const line = queue.shift()
      if (line !== undefined) done(line)
      else waiting.push(done)
    })
  return {
    pid: child.pid ?? -1,
    next,
    send: (line) => {
      child.stdin.write(`${line}\n`)
      return next()
    },
    stop: () => child.stdin.end(),
  }
}
