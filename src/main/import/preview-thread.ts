import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { LukkhaError } from '../errors'
import { runInWorker } from '../jobs/workers'
import { PARSER_RESOURCE_LIMITS } from './parse-thread'
import type { PreviewData } from './preview'
import type { ImportOptions } from './types'

// A workbook's preview off the main process: the import-preview worker (preview-worker.ts) opens its own
// read-only connection and runs the same preview (zip checks, header and first rows, the date-order scan)
// under the parser thread's memory cap (PARSER_RESOURCE_LIMITS), the import's time bound and a cancel that
// terminates it at once (a preview writes nothing). Started with the job system's runInWorker, so coded
// errors (file_damaged, file_too_big ...) come back coded.

/** The preview's bounds (tests shorten them): no answer within timeMs -> file_too_slow. */
export interface PreviewBounds {
  timeMs: number
  /** Heap cap of the preview thread, in MB (the import parser's). */
  maxOldGenerationSizeMb: number
}
export const PREVIEW_BOUNDS: PreviewBounds = {
  timeMs: 120_000, // the import's stall bound (IMPORT_BOUNDS in job.ts)
  maxOldGenerationSizeMb: PARSER_RESOURCE_LIMITS.maxOldGenerationSizeMb,
}

/** What the preview needs to run off the main thread: the database file (opened read-only there). */
export interface PreviewOffMain {
  dbFile: string
  /** Aborting stops the preview thread at once (the upload was discarded, the app is closing). */
  signal?: AbortSignal
  bounds?: PreviewBounds
}

/** What the preview worker gets (structured-cloneable). */
export interface PreviewWorkerInput {
  dbFile: string
  path: string
  options: ImportOptions
}

export async function previewInWorker(
  path: string,
  options: ImportOptions,
  { dbFile, signal, bounds = PREVIEW_BOUNDS }: PreviewOffMain,
): Promise<PreviewData> {
  const file = options.fileName ?? basename(path)
  const input: PreviewWorkerInput = { dbFile, path, options }
  const job = {
    jobId: `preview-${randomUUID()}`,
    signal: signal ?? new AbortController().signal,
    progress: () => undefined,
  }
  try {
    return await runInWorker<PreviewData>('import-preview-worker', input, job, {
      resourceLimits: { maxOldGenerationSizeMb: bounds.maxOldGenerationSizeMb },
      stallMs: bounds.timeMs,
      stalled: () => {
        const seconds = Math.round(bounds.timeMs / 1000)
        return new LukkhaError(
          'file_too_slow',
          `${file}: reading the workbook for the preview took more than ${seconds} s, so it was stopped. The file may be damaged or far too big.`,
          undefined,
          { file, seconds },
        )
      },
      cancelGraceMs: 0,
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const mb = bounds.maxOldGenerationSizeMb
      throw new LukkhaError(
        'file_too_much_memory',
        `${file}: reading the workbook took more memory than the preview allows (${mb} MB).`,
        undefined,
        { file, mb },
      )
    }
    throw error
  }
}
