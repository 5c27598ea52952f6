// The analysis-worker thread (a named entry, src/main/jobs/entries.ts): opens the same database (the write
// lock lets this process's threads share it) and runs one analysis as a job (serveJob: progress, cancel at
// each progress report, the run id or the error). Started ahead of need (prestartAnalysis), it first
// analyses the demo shop in memory (warm-up.ts).
import { openDatabase } from '../db'
import { serveJob } from '../jobs/worker-side'
import { analyseHere, type AnalysisWorkerInput } from './job'

const SAVE_BUSY_TIMEOUT_MS = 10 * 60 * 1000

serveJob(
  async ({ file, parameters, rules }: AnalysisWorkerInput, job) => {
    const connection = openDatabase(file)
    try {
      // Off the UI thread, saving may wait as long as an import holds the write lock (a million-line import
      // commits after tens of seconds) rather than fail after the connection's usual few seconds.
      connection.sqlite.pragma(`busy_timeout = ${SAVE_BUSY_TIMEOUT_MS}`)
      return await analyseHere(connection, { parameters, rules }, job) // await: the finally closes the connection
    } finally {
      await connection.close()
    }
  },
  // loaded only by a thread started ahead (a job's own thread does not load the demo shop's code)
  async () => (await import('./warm-up')).warmUpAnalysis(),
)
