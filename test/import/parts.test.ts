import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { SpawnParser } from '../../src/main/import/parse-thread'
import { IMPORT_PARTS, type ImportPart, type ImportParts } from '../../src/main/import/parts'
import { runImport } from '../../src/main/import/run'
import { testContext } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { call, finished, upload } from '../api/import-helpers'
import { fixedNow, fixture } from './helpers'

// The import reports where its time went (src/main/import/parts.ts) for the benchmark: each part is timed in
// the thread that does it, so the parts of one thread never add up to more than the whole import.

const spawnParser: SpawnParser = (data) =>
  new Worker(join(projectRoot, 'src/main/import/parser-worker.ts'), {
    workerData: data,
    execArgv: ['--import', 'tsx'],
  })

const sum = (parts: ImportParts, names: ImportPart[]): number =>
  names.reduce((total, name) => total + (parts[name] ?? 0), 0)

const IMPORT_THREAD: ImportPart[] = [
  'check',
  'unpack',
  'match',
  'write',
  'flush',
  'index',
  'totals',
  'commit',
]

describe('import time parts', () => {
  it('names the parts of a one-thread import, and they fit in its time', async () => {
    const ctx = await testContext()
    const s = await runImport(
      ctx.connection.sqlite,
      fixture('loyverse-receipts-by-item.csv'),
      {},
      { now: fixedNow },
    )
    expect(s.status).toBe('done')
    const parts = s.parts ?? {}
    expect(Object.keys(parts).every((k) => (IMPORT_PARTS as readonly string[]).includes(k))).toBe(true)
    for (const part of [
      'check',
      'read',
      'parse',
      'map',
      'match',
      'write',
      'flush',
      'totals',
      'commit',
    ] as const)
      expect(parts[part], part).toBeGreaterThan(0)
    // no second thread: nothing packed, unpacked or waited for
    for (const part of ['pack', 'unpack', 'waitWriter', 'waitParser'] as const)
      expect(parts[part], part).toBeUndefined()
    // every part runs in this one thread, one after another: together at most the whole import (+ rounding)
    const all = sum(parts, [...IMPORT_PARTS])
    expect(all).toBeLessThanOrEqual(s.elapsedMs + 2)
  })

  it('names each thread’s parts when a parser thread reads the file', async () => {
    const ctx = await testContext()
    const s = await runImport(
      ctx.connection.sqlite,
      fixture('loyverse-receipts-by-item.csv'),
      {},
      { now: fixedNow, spawnParser, parserMinBytes: 0 },
    )
    expect(s.status).toBe('done')
    const parts = s.parts ?? {}
    for (const part of ['read', 'parse', 'map', 'pack', 'unpack', 'match', 'write', 'commit'] as const)
      expect(parts[part], part).toBeGreaterThan(0)
    expect(parts.waitParser).toBeGreaterThanOrEqual(0)
    expect(parts.waitWriter).toBeGreaterThanOrEqual(0)
    // each thread's CPU time in the reading phase (Node 22 has process.threadCpuUsage)
    expect(parts.cpuParser).toBeGreaterThan(0)
    expect(parts.cpuImport).toBeGreaterThan(0)
    // the importing thread's parts, waiting included, fit in the import's time
    expect(sum(parts, [...IMPORT_THREAD, 'waitParser'])).toBeLessThanOrEqual(s.elapsedMs + 2)
    // and so do the parser thread's
    expect(sum(parts, ['read', 'parse', 'map', 'pack', 'waitWriter'])).toBeLessThanOrEqual(s.elapsedMs + 2)
  })

  it('keeps the parts out of the job result the renderer gets', async () => {
    const ctx = await testContext()
    const fileId = await upload(ctx, fixture('loyverse-receipts-by-item.csv'))
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job.result).toMatchObject({ status: 'done' })
    expect(job.result && 'parts' in job.result).toBe(false)
  })
})
