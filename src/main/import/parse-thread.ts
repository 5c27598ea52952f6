import type { ImportFormat } from '../../shared/api/import'
import { basename } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { LukkhaError } from '../errors'
import type { MessagePort } from 'node:worker_threads'
import {
  BatchMapper,
  packedTransfer,
  SalesColumns,
  unpackSales,
  type MappedBatch,
  type PackedSales,
  type RejectedRow,
} from './batches'
import type { ResolvedMapping } from './mapping'
import { PartClock, threadCpuMs, type ImportParts } from './parts'
import { readTable, type ReadOptions, type ReadResult } from './read'
import type { RowContext } from './row-reader'
import type { CustomerRow, RowIssue } from './types'

// A big import on two threads: a parser thread (parser-worker.ts) reads, decodes, splits and maps the rows
// (runParser) while the importing thread writes the previous batches to SQLite (ParserThread.read). Batches go
// over in order; the parser stops when MAX_IN_FLIGHT batches wait to be written, so memory stays bounded. The
// thread is started before the file is planned and told what to read once the plan is made, so loading its
// modules overlaps the planning.

const MAX_IN_FLIGHT = 4

/** What a parser thread is started with. */
export interface ParserStart {
  role: 'parse'
  /** Int32: batches posted and not yet written */
  inFlight: SharedArrayBuffer
}

/** What it is then told to read. */
export interface ParserJob {
  path: string
  format: ImportFormat
  readOptions: Omit<ReadOptions, 'signal'>
  mapping: ResolvedMapping
  context: RowContext
}

type ParserMessage =
  | {
      type: 'batch'
      packedSales: PackedSales
      customers: CustomerRow[]
      rejected: RejectedRow[]
      warnings: RowIssue[]
      ignored: number
      rowsRead: number
      bytesRead: number
    }
  | { type: 'end'; result: ReadResult; parts: ImportParts }
  | { type: 'error'; message: string }

/** The parser thread's work (parser-worker.ts): waits for its job, then reads and posts the batches. */
export async function runParser(port: MessagePort, start: ParserStart): Promise<void> {
  const data = await new Promise<ParserJob>((resolve) => {
    port.once('message', (message: { type: 'start'; job: ParserJob }) => resolve(message.job))
  })
  const cpuStart = threadCpuMs()
  const mapper = new BatchMapper(data.mapping, data.context)
  const inFlight = new Int32Array(start.inFlight)
  const clock = new PartClock()
  const post = (message: ParserMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer)
  try {
    const result = await readTable(
      data.path,
      data.format,
      data.readOptions,
      {
        header: () => undefined,
        batch: (batch) => {
          // (the sale lines are written into their transfer columns as they are mapped: 'map' includes that)
          const columns = new SalesColumns(batch.rows.length)
          let at = performance.now()
          const m = mapper.map(batch, columns)
          const packedSales = columns.packed()
          const mapped = performance.now()
          clock.add('map', mapped - at)
          at = mapped
          // wait (this thread only parses) until the writer has caught up
          for (let n = Atomics.load(inFlight, 0); n >= MAX_IN_FLIGHT; n = Atomics.load(inFlight, 0)) {
            Atomics.wait(inFlight, 0, n, 1000)
          }
          const waited = performance.now()
          clock.add('waitWriter', waited - at)
          Atomics.add(inFlight, 0, 1)
          post(
            {
              type: 'batch',
              packedSales,
              customers: m.customers,
              rejected: m.rejected,
              warnings: m.warnings,
              ignored: m.ignored,
              rowsRead: m.rowsRead,
              bytesRead: m.bytesRead,
            },
            packedTransfer(packedSales),
          )
          clock.add('pack', performance.now() - waited) // (the structured clone of what is not packed)
        },
      },
      clock,
    )
    const cpu = threadCpuMs() - cpuStart
    if (!Number.isNaN(cpu)) clock.add('cpuParser', cpu)
    post({ type: 'end', result, parts: clock.ms })
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

export type SpawnParser = (start: ParserStart) => Worker

/**
 * The parser thread's heap limit, for every place that starts one (`new Worker(..., { resourceLimits })`).
 * What it keeps alive is small and bounded (the value caches of rows.ts, at most 50,000 entries each, and
 * the batch being mapped: a few tens of MB); without a limit V8 lets its garbage pile up to ~150 MB before
 * collecting, which put the whole import over its 400 MB budget. Measured on the 1,000,000-line benchmark:
 * peak RSS 430-450 MB without, 325-335 MB with 128 MB, same speed (64 MB was 40 % slower: too many GCs).
 */
export const PARSER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128 } as const

/** A parser thread, started ahead of its job; `read` gives it the job, `dispose` ends it (used or not). */
export class ParserThread {
  private readonly inFlight = new SharedArrayBuffer(4)
  private readonly worker: Worker
  /** A failure before `read` listens (a thread that could not even start). */
  private early: Error | null = null
  private used = false
  /** The parser thread's parts (parts.ts), once it has read the whole file. */
  parts: ImportParts = {}

  constructor(spawn: SpawnParser) {
    this.worker = spawn({ role: 'parse', inFlight: this.inFlight })
    this.worker.on('error', (error) => (this.early ??= error))
    this.worker.on('exit', (code) => (this.early ??= stopped(code)))
  }

  /**
   * Reads the file in the thread and hands each mapped batch to `apply`, in order, in this thread. Resolves
   * with what the reader reports; cancelling stops the parser at once. Once per thread.
   */
  read(
    job: ParserJob,
    apply: (batch: MappedBatch) => void,
    signal?: AbortSignal,
    /** Counts the unpacking of each batch (in this thread) as 'unpack'. */
    clock?: PartClock,
  ): Promise<ReadResult> {
    if (this.used) throw new Error('A parser thread reads one file.')
    this.used = true
    const unpack = (packed: PackedSales): ReturnType<typeof unpackSales> =>
      clock ? clock.time('unpack', () => unpackSales(packed)) : unpackSales(packed)
    const worker = this.worker
    const counter = new Int32Array(this.inFlight)
    return new Promise((resolve, reject) => {
      let settled = false
      const settle = (outcome: { result: ReadResult } | { error: Error }): void => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', onAbort)
        void worker.terminate()
        if ('result' in outcome) resolve(outcome.result)
        else reject(outcome.error)
      }
      const onAbort = (): void =>
        settle({ result: { rows: 0, bytes: 0, sheet: null, sheets: [], aborted: true } })
      signal?.addEventListener('abort', onAbort)
      const failed = (error: Error & { code?: string }): void =>
        settle({
          error:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new LukkhaError(
                  'file_too_much_memory',
                  `${basename(job.path)}: reading the file took more memory than the import allows (${PARSER_RESOURCE_LIMITS.maxOldGenerationSizeMb} MB); nothing was stored.`,
                  undefined,
                  { file: basename(job.path), mb: PARSER_RESOURCE_LIMITS.maxOldGenerationSizeMb },
                )
              : error,
        })
      if (this.early) {
        failed(this.early)
        return
      }
      worker.on('message', (message: ParserMessage) => {
        if (settled) return
        if (message.type === 'batch') {
          try {
            apply({
              sales: unpack(message.packedSales),
              customers: message.customers,
              rejected: message.rejected,
              warnings: message.warnings,
              ignored: message.ignored,
              rowsRead: message.rowsRead,
              bytesRead: message.bytesRead,
            })
          } catch (error) {
            settle({ error: error instanceof Error ? error : new Error(String(error)) })
            return
          }
          // Let the parser go on only after this thread's event loop has turned: a port's queued messages are
          // handled in one go, and a parser kept fed at once would keep a 'cancel' from the parent waiting.
          setImmediate(() => {
            Atomics.sub(counter, 0, 1)
            Atomics.notify(counter, 0)
          })
        } else if (message.type === 'end') {
          this.parts = message.parts
          settle({ result: message.result })
        } else settle({ error: new Error(message.message) })
      })
      worker.on('error', failed)
      worker.on('exit', (code) => settle({ error: stopped(code) }))
      worker.postMessage({ type: 'start', job })
    })
  }

  /** Ends the thread (it may never have been given a job, e.g. when the plan failed). */
  dispose(): void {
    void this.worker.terminate()
  }
}

const stopped = (code: number): Error => new Error(`The import's parser stopped (exit code ${code}).`)
