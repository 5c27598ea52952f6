import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readHistory, type History } from '../../src/main/analysis/history-pass'
import { readRunHistory, type ReadOptions } from '../../src/main/analysis/parallel-read'
import { computeAnalysis, resolveParameters } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { RfmWindow } from '../../src/main/analysis/rfm'
import { migrateToLatest, openDatabase, openSqlite, type Sqlite } from '../../src/main/db'
import { configureWorkers } from '../../src/main/jobs/workers'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { seededRandom } from '../helpers/random'
import { insertSales, salesDatabaseFile, type TestSale } from '../helpers/sales'

// Issue 17: the analysis run reads its history in two threads (parallel-read.ts): this one folds the
// customers below a middle id, a worker thread with its own read-only connection the rest. The result must be
// exactly the one-thread read's (RFM rows, purchase days, cohorts), and a commit landing between the two
// threads' snapshots must not mix two states: the read is then done again in one thread.

afterEach(() => configureWorkers(null))

/** A shop of 300 customers with sales, refunds, zero totals and walk-ins over two years (seeded). */
function shopSales(): TestSale[] {
  const random = seededRandom(1717)
  const sales: TestSale[] = []
  for (let c = 0; c < 300; c++) {
    const receipts = 1 + Math.floor(random() * 8)
    for (let k = 0; k < receipts; k++) {
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730) * 86_400_000)
      const at = `${day.toISOString().slice(0, 10)}T${String(8 + (k % 12)).padStart(2, '0')}:00:00`
      const roll = random()
      if (roll < 0.08)
        sales.push({ customer: `C${c}`, at, baht: -(5 + Math.floor(random() * 50)), kind: 'refund' })
      else if (roll < 0.1) sales.push({ customer: `C${c}`, at, baht: 0 })
      else sales.push({ customer: `C${c}`, at, baht: Math.round(random() * 200_000) / 100 })
    }
    if (c % 25 === 0) sales.push({ customer: null, at: `2025-0${1 + (c % 9)}-15`, baht: 40 })
  }
  sales.push({ customer: 'C7', at: '1969-12-31', baht: 15 }) // a day number below 0
  return sales
}

const windows: RfmWindow[] = [
  { asOf: '2025-12-31', windowDays: null },
  { asOf: '2025-12-31', windowDays: 120 },
  { asOf: '2025-03-01', windowDays: null },
]

const oneThread = (sqlite: Sqlite, window: RfmWindow): History =>
  sqlite.transaction(() => readHistory(sqlite, window))()

/** Worker threads from the sources (through tsx), and no minimum shop size. */
const everyShop: ReadOptions = { minCustomers: 0 }

describe('the analysis read in two threads', () => {
  it('gives exactly the one-thread read, the customers split between the threads', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(shopSales())
    const sqlite = openSqlite(file)
    try {
      for (const window of windows) {
        const read = await readRunHistory(sqlite, file, window, everyShop)
        expect(read.path).toBe('two threads')
        const ids = read.history.rfmRows.map((r) => r.customerId)
        expect(ids.some((id) => id < (read.middle as number))).toBe(true)
        expect(ids.some((id) => id >= (read.middle as number))).toBe(true)
        expect(read.history).toEqual(oneThread(sqlite, window))
        expect([...read.history.days.keys()]).toEqual([...oneThread(sqlite, window).days.keys()])
      }
      // and the whole run computed from it
      const parameters = resolveParameters(sqlite, { asOf: '2025-12-31' })
      const { history } = await readRunHistory(sqlite, file, parameters, everyShop)
      const { durationMs: _a, ...split } = computeAnalysis(
        sqlite,
        parameters,
        DEFAULT_SEGMENT_RULES,
        undefined,
        {
          history,
          started: 0,
        },
      )
      const { durationMs: _b, ...whole } = computeAnalysis(sqlite, parameters, DEFAULT_SEGMENT_RULES)
      expect(split).toEqual(whole)
    } finally {
      sqlite.close()
    }
  })

  it('reads again in one thread when a commit lands between the two snapshots', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(shopSales())
    const sqlite = openSqlite(file)
    const other = openSqlite(file)
    try {
      const window = windows[0] as RfmWindow
      const before = oneThread(sqlite, window)
      // another connection (an import, a merge) commits a sale of a customer in the worker's part
      const late = await readRunHistory(sqlite, file, window, {
        ...everyShop,
        afterOwnPart: () => insertSales(other, [{ customer: 'C299', at: '2025-12-30', baht: 77 }]),
      })
      expect(late.path).toBe('changed meanwhile')
      expect(late.history).toEqual(oneThread(sqlite, window))
      expect(late.history).not.toEqual(before)
      // this connection's own write is seen too
      const own = await readRunHistory(sqlite, file, window, {
        ...everyShop,
        afterOwnPart: () => insertSales(sqlite, [{ customer: 'C1', at: '2025-12-29', baht: 12 }]),
      })
      expect(own.path).toBe('changed meanwhile')
      expect(own.history).toEqual(oneThread(sqlite, window))
      // and with nothing committed, two threads again
      expect((await readRunHistory(sqlite, file, window, everyShop)).path).toBe('two threads')
    } finally {
      other.close()
      sqlite.close()
    }
  })

  it('reads in one thread when the worker cannot start, for small shops, in memory and unconfigured', async () => {
    const file = await salesDatabaseFile(shopSales())
    const sqlite = openSqlite(file)
    try {
      const window = windows[0] as RfmWindow
      const expected = oneThread(sqlite, window)
      // tests run from source do not start workers unless configured (preferWorkers)
      expect(await readRunHistory(sqlite, file, window, everyShop)).toMatchObject({ path: 'one thread' })
      configureWorkers({ bundle: tempDir() }) // a folder without the worker's script
      const failed = await readRunHistory(sqlite, file, window, everyShop)
      expect(failed).toMatchObject({
        path: 'worker failed',
        error: expect.stringContaining('analysis-read-worker'),
      })
      expect(failed.history).toEqual(expected)
      configureWorkers('source')
      // 300 customer ids are below the default minimum
      expect(await readRunHistory(sqlite, file, window)).toMatchObject({ path: 'one thread' })
    } finally {
      sqlite.close()
    }
    const memory = openDatabase(':memory:')
    try {
      await migrateToLatest(memory.db)
      insertSales(memory.sqlite, shopSales())
      expect((await readRunHistory(memory.sqlite, ':memory:', windows[0] as RfmWindow, everyShop)).path).toBe(
        'one thread',
      )
    } finally {
      await memory.close()
    }
  })
})

// The app starts the worker from the bundle electron-vite writes (npm test builds first).
const mainDir = resolve(projectRoot, 'out/main')
const bundled = existsSync(resolve(mainDir, 'analysis-read-worker.js'))
if (!bundled) console.warn(`${mainDir}/analysis-read-worker.js not built (run npm run build); skipping`)

describe.skipIf(!bundled)('the bundled history-read worker', () => {
  it('reads its part as the sources do', async () => {
    configureWorkers({ bundle: mainDir })
    const file = await salesDatabaseFile(shopSales())
    const sqlite = openSqlite(file)
    try {
      for (const window of windows) {
        const read = await readRunHistory(sqlite, file, window, everyShop)
        expect(read.path).toBe('two threads')
        expect(read.history).toEqual(oneThread(sqlite, window))
      }
    } finally {
      sqlite.close()
    }
  })
})
