import { join, resolve } from 'node:path'
import { writeFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { prestartAnalysis, type AnalysisWorkerInput } from '../../src/main/analysis/job'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { openDatabase } from '../../src/main/db'
import type { JobControl } from '../../src/main/jobs/registry'
import { configureWorkers, endKeptWorkers, keptThreadIds, runInWorker } from '../../src/main/jobs/workers'
import type { FromWorker, KeptWorkerData, ToWorker } from '../../src/main/jobs/worker-protocol'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { salesDatabaseFile } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'

// A worker thread kept between jobs (runInWorker's `keep`, used by the analysis): the next job runs in the
// same thread, so its start and the code V8 optimised are paid once; a failed or cancelled job leaves it
// usable; an idle kept thread does not hold a database. (A thread stopped for a stall or a cancel's grace is
// terminated and not kept: workers.ts keeps a thread only when its job answered.) A thread can be started
// ahead of its first job (prestartWorker, prestartAnalysis): it warms up on data of its own first.

afterEach(async () => {
  await endKeptWorkers()
  configureWorkers(null)
})

const PARAMETERS = { asOf: '2026-03-31', windowDays: null, horizonDays: 365, annualDiscountRate: 0.1 }

const control = (jobId: string, signal = new AbortController().signal): JobControl => ({
  jobId,
  signal,
  progress: () => undefined,
})

const analyse = (file: string, jobId: string, options = {}, signal?: AbortSignal) =>
  runInWorker<{ runId: number }>(
    'analysis-worker',
    { file, parameters: PARAMETERS, rules: DEFAULT_SEGMENT_RULES } satisfies AnalysisWorkerInput,
    control(jobId, signal),
    { keep: true, ...options },
  )

const runsIn = (file: string): number => {
  const conn = openDatabase(file)
  try {
    return conn.sqlite.prepare('select count(*) from analysis_runs').pluck().get() as number
  } finally {
    void conn.close()
  }
}

describe('kept worker threads', () => {
  it('run the next job in the same thread, after a success, a failure and a cancel', async () => {
    configureWorkers('source')
    const first = await salesDatabaseFile(RFM_SALES)
    const second = await salesDatabaseFile(RFM_SALES)
    expect(keptThreadIds()).toEqual([])

    expect(await analyse(first, 'a')).toEqual({ runId: 1 })
    const [thread] = keptThreadIds()
    expect(thread).toBeGreaterThan(0)
    // an idle kept thread holds no database: the file is written by another connection at once
    expect(runsIn(first)).toBe(1)

    expect(await analyse(second, 'b')).toEqual({ runId: 1 })
    expect(runsIn(second)).toBe(1)
    expect(keptThreadIds()).toEqual([thread])

    const notADatabase = join(tempDir(), 'notes.db')
    writeFileSync(notADatabase, 'these are not the sales you are looking for '.repeat(200))
    await expect(analyse(notADatabase, 'c')).rejects.toMatchObject({ code: 'database_corrupt' })
    expect(keptThreadIds()).toEqual([thread])

    const cancelled = new AbortController()
    cancelled.abort()
    await expect(analyse(first, 'd', {}, cancelled.signal)).rejects.toMatchObject({ code: 'cancelled' })
    expect(runsIn(first)).toBe(1)
    expect(keptThreadIds()).toEqual([thread])

    expect(await analyse(first, 'e')).toEqual({ runId: 2 })
    expect(keptThreadIds()).toEqual([thread])
  })

  it('starts a new thread once the kept one has ended', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(RFM_SALES)
    expect(await analyse(file, 'a')).toEqual({ runId: 1 })
    const [thread] = keptThreadIds()
    await endKeptWorkers()
    expect(keptThreadIds()).toEqual([])
    expect(await analyse(file, 'b')).toEqual({ runId: 2 })
    const [next] = keptThreadIds()
    expect(next).toBeGreaterThan(0)
    expect(next).not.toBe(thread)
  })

  it('prestarts the analysis thread, which warms up without touching the shop and serves the first job', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(RFM_SALES)
    expect(await prestartAnalysis()).toBe(true)
    const [thread] = keptThreadIds()
    expect(thread).toBeGreaterThan(0)
    expect(runsIn(file)).toBe(0) // the warm-up analysed a shop of its own, in memory
    expect(await prestartAnalysis()).toBe(true) // one is there: no second thread
    expect(keptThreadIds()).toEqual([thread])
    expect(await analyse(file, 'a')).toEqual({ runId: 1 })
    expect(runsIn(file)).toBe(1)
    expect(keptThreadIds()).toEqual([thread])
  })

  it('runs a job that comes during the warm-up after it, in that thread', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(RFM_SALES)
    const order: string[] = []
    const warmed = prestartAnalysis().then((ok) => order.push(`warmed ${ok}`))
    const [thread] = keptThreadIds()
    const job = analyse(file, 'a').then(({ runId }) => order.push(`run ${runId}`))
    await Promise.all([warmed, job])
    expect(order).toEqual(['warmed true', 'run 1'])
    expect(keptThreadIds()).toEqual([thread])
  })

  it('starts no second thread while the kept one serves a job, and a warm-up cut short resolves false', async () => {
    configureWorkers('source')
    const file = await salesDatabaseFile(RFM_SALES)
    expect(await analyse(file, 'a')).toEqual({ runId: 1 })
    const [thread] = keptThreadIds()
    const job = analyse(file, 'b')
    expect(keptThreadIds()).toEqual([]) // serving
    expect(await prestartAnalysis()).toBe(true)
    expect(await job).toEqual({ runId: 2 })
    expect(keptThreadIds()).toEqual([thread])

    await endKeptWorkers()
    const warmed = prestartAnalysis()
    await endKeptWorkers()
    expect(await warmed).toBe(false)
    expect(keptThreadIds()).toEqual([])
  })

  it('answers a failed warm-up with its error and still serves jobs', async () => {
    const worker = new Worker(resolve(projectRoot, 'test/fixtures/warm-up-worker.ts'), {
      workerData: { kept: true, warmUp: true } satisfies KeptWorkerData,
      execArgv: ['--import', 'tsx'],
    })
    try {
      const messages: FromWorker[] = []
      const next = (): Promise<FromWorker> =>
        new Promise((done) => worker.once('message', (m: FromWorker) => done(m)))
      messages.push(await next())
      const start: ToWorker = {
        type: 'start',
        start: { jobId: 'a', input: { n: 21 }, cancelFlag: new Int32Array(new SharedArrayBuffer(4)) },
      }
      worker.postMessage(start)
      messages.push(await next())
      expect(messages).toEqual([
        {
          type: 'ready',
          error: expect.objectContaining({ code: 'internal', message: 'The warm-up broke.' }),
        },
        { type: 'done', result: 42 },
      ])
    } finally {
      await worker.terminate()
    }
  })

  it('rejects a prestart whose script fails to load, and a later job starts a thread of its own', async () => {
    const broken = tempDir()
    writeFileSync(join(broken, 'analysis-worker.js'), "throw new Error('This bundle is broken.')\n")
    configureWorkers({ bundle: broken })
    await expect(prestartAnalysis()).rejects.toThrow('This bundle is broken.')
    expect(keptThreadIds()).toEqual([]) // the failed thread is not kept: no job is given it
    configureWorkers('source')
    const file = await salesDatabaseFile(RFM_SALES)
    expect(await analyse(file, 'a')).toEqual({ runId: 1 })
  })
})
