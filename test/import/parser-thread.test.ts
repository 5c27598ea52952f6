import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { SpawnParser } from '../../src/main/import/parse-thread'
import { runImport } from '../../src/main/import/run'
import { tempDir, testContext } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { fixedNow, fixture, snapshot } from './helpers'

// A big import reads and maps rows in a parser thread while the importing thread writes. It must store exactly
// what the one-thread import stores, report the same errors, and stop when cancelled.

const spawnParser: SpawnParser = (data) =>
  new Worker(join(projectRoot, 'src/main/import/parser-worker.ts'), {
    workerData: data,
    execArgv: ['--import', 'tsx'],
  })

describe('import with a parser thread', () => {
  it.each([
    'loyverse-receipts-by-item.csv',
    'square-items-detail.csv',
    'shopify-orders.csv',
    'thai-windows-874.csv',
    'sales.xlsx',
    'loyverse-customers.csv',
    'bad-rows.csv',
  ])('stores the same as one thread for %s', async (name) => {
    const one = await testContext()
    const two = await testContext()
    const a = await runImport(one.connection.sqlite, fixture(name), {}, { now: fixedNow })
    const b = await runImport(
      two.connection.sqlite,
      fixture(name),
      {},
      { now: fixedNow, spawnParser, parserMinBytes: 0 },
    )
    // (the time parts differ by thread: test/import/parts.test.ts)
    expect({ ...b, elapsedMs: 0, parts: {} }).toEqual({ ...a, elapsedMs: 0, parts: {} })
    expect(snapshot(two.connection.sqlite)).toEqual(snapshot(one.connection.sqlite))
  })

  it('keeps the valid rows and writes the rejected ones, as one thread does', async () => {
    const ctx = await testContext()
    const out = join(tempDir(), 'rejected.csv')
    const s = await runImport(
      ctx.connection.sqlite,
      fixture('bad-rows.csv'),
      { validRowsOnly: true, rejectedOut: out },
      { spawnParser, parserMinBytes: 0, now: fixedNow },
    )
    expect(s).toMatchObject({ status: 'done', linesAdded: 4, rowsRejected: 4, rejectedFile: out })
    expect(s.errors.map((e) => e.row)).toEqual([3, 4, 5, 7])
  })

  it('fails with a clear error, storing nothing, when the parser runs out of its memory', async () => {
    const ctx = await testContext()
    const before = snapshot(ctx.connection.sqlite)
    // every row a different customer: the parser's value caches fill up, past a heap made too small
    const file = join(tempDir(), 'many-customers.csv')
    writeFileSync(
      file,
      `receipt_number,date,customer_name,phone,email,quantity,net_amount\n${Array.from(
        { length: 150_000 },
        (_, i) =>
          `M-${i},2025-01-01,Customer number ${i} with a long name,08${String(10_000_000 + i)},c${i}@example.com,1,10`,
      ).join('\n')}\n`,
    )
    const starved: SpawnParser = (data) =>
      new Worker(join(projectRoot, 'src/main/import/parser-worker.ts'), {
        workerData: data,
        execArgv: ['--import', 'tsx'],
        resourceLimits: { maxOldGenerationSizeMb: 24 },
      })
    await expect(
      runImport(ctx.connection.sqlite, file, {}, { spawnParser: starved, parserMinBytes: 0, now: fixedNow }),
    ).rejects.toThrow(
      /^many-customers\.csv: reading the file took more memory than the import allows \(128 MB\); nothing was stored\.$/,
    )
    expect(snapshot(ctx.connection.sqlite)).toEqual(before)
  })

  it('ends the parser thread it started ahead when the file turns out to need a decision', async () => {
    const ctx = await testContext()
    const started: Worker[] = []
    const tracked: SpawnParser = (start) => {
      const worker = spawnParser(start)
      started.push(worker)
      return worker
    }
    // a header Lukkha does not know: the plan asks for a mapping before anything is read
    await expect(
      runImport(
        ctx.connection.sqlite,
        fixture('mypos-export.csv'),
        {},
        { spawnParser: tracked, parserMinBytes: 0, now: fixedNow },
      ),
    ).rejects.toMatchObject({ code: 'mapping_needed', details: { decision: 'mapping' } })
    expect(started).toHaveLength(1)
    // terminated, not left waiting for a job (which would keep the process alive): its thread id is gone
    const worker = started[0]
    if (worker && worker.threadId !== -1) await new Promise((resolve) => worker.once('exit', resolve))
    expect(worker?.threadId).toBe(-1)
  })

  it('cancels: the parser stops and nothing is stored', async () => {
    const ctx = await testContext()
    const file = join(tempDir(), 'big.csv')
    writeFileSync(
      file,
      `receipt_number,date,quantity,net_amount\n${Array.from({ length: 300_000 }, (_, i) => `P-${i},2025-01-01,1,10`).join('\n')}\n`,
    )
    const before = snapshot(ctx.connection.sqlite)
    const controller = new AbortController()
    const s = await runImport(
      ctx.connection.sqlite,
      file,
      {},
      {
        spawnParser,
        parserMinBytes: 0,
        now: fixedNow,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'import.phase.reading') controller.abort()
        },
      },
    )
    expect(s.status).toBe('cancelled')
    expect(snapshot(ctx.connection.sqlite)).toEqual(before)
  })
})
