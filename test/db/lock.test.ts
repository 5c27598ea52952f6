import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
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

// Starting processes and tsx-compiled worker threads takes tens of seconds on a busy 2-core machine.
const SPAWNS_MS = 180_000

describe('write lock', () => {
  it(
    'refuses a second process that opens the database for writing, with a clear message',
    async () => {
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
    },
    SPAWNS_MS,
  )

  it(
    "lets the same process's worker threads write while it holds the database",
    async () => {
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
    },
    SPAWNS_MS,
  )

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const file = await migratedFile()
    const lock = lockPathFor(file)
    const gone = 2 ** 22 + 7 // above Linux's pid_max, so no process has it
    writeFileSync(lock, JSON.stringify({ pid: gone, host: hostname(), since: 'then' }))
    const conn = openDatabase(file)
    // the stale lock is replaced by this process's own, and a write goes through
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    conn.sqlite.prepare("insert into stores (name) values ('after takeover')").run()
    await conn.close()
    expect(existsSync(lock)).toBe(false)
  })
})
