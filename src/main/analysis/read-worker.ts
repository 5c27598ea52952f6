// The history-read worker thread (a named entry, src/main/jobs/entries.ts): opens the database read-only and
// folds one range of customers for the analysis run's read (history-parts.ts), in its own read transaction;
// parallel-read.ts checks that no commit came between its snapshot and the other thread's. Answers once:
// { ok: true, part } with the part's columns transferred, or { ok: false, message }.
import { parentPort, workerData } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { readPart, type HistoryPart, type HistoryPartInput } from './history-parts'

export type ReadWorkerAnswer = { ok: true; part: HistoryPart } | { ok: false; message: string }

const READ_BUSY_TIMEOUT_MS = 5000

const input = workerData as HistoryPartInput
try {
  // better-sqlite3 itself, not openSqlite: the db module (Kysely, the migrations: 477 kB built) would add
  // to this thread's cold start, and the reading thread has opened and checked this file already
  const sqlite = new BetterSqlite3(input.file, { readonly: true, fileMustExist: true })
  sqlite.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`)
  try {
    const part = sqlite.transaction(() => readPart(sqlite, input))()
    const answer: ReadWorkerAnswer = { ok: true, part }
    parentPort?.postMessage(answer, [part.rfm.buffer, part.days.buffer])
  } finally {
    sqlite.close()
  }
} catch (error) {
  const answer: ReadWorkerAnswer = {
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  }
  parentPort?.postMessage(answer)
}
