// The analysis worker thread: opens the same database (the write lock lets this process's threads share it),
// runs one analysis and reports progress, the run id or the error to the thread that started it.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db'
import { LukkhaError } from '../errors'
import type { SegmentRules } from '../../shared/api/analysis'
import { computeAnalysis, saveAnalysis, type AnalysisParameters, type Progress } from './run'

export interface WorkerInput {
  file: string
  parameters: AnalysisParameters
  rules: SegmentRules
}

export type WorkerMessage =
  | ({ type: 'progress' } & Progress)
  | { type: 'done'; runId: number }
  | { type: 'error'; code: string; message: string }

const SAVE_BUSY_TIMEOUT_MS = 10 * 60 * 1000

const post = (message: WorkerMessage): void => parentPort?.postMessage(message)
const { file, parameters, rules } = workerData as WorkerInput
const connection = openDatabase(file)
// Off the UI thread, saving may wait as long as an import holds the write lock (a million-line import
// commits after tens of seconds) rather than fail after the connection's usual few seconds.
connection.sqlite.pragma(`busy_timeout = ${SAVE_BUSY_TIMEOUT_MS}`)
try {
  const progress = (p: Progress): void => post({ type: 'progress', ...p })
  const result = computeAnalysis(connection.sqlite, parameters, rules, progress)
  post({ type: 'done', runId: saveAnalysis(connection.sqlite, result, progress) })
} catch (error) {
  post({
    type: 'error',
    code: error instanceof LukkhaError ? error.code : 'internal',
    message: error instanceof Error ? error.message : String(error),
  })
} finally {
  await connection.close()
}
