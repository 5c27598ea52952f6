// The baskets-worker thread (a named entry, src/main/jobs/entries.ts): opens the same database on its own
// connection, reads the shop's baskets and mines them as a job (serveJob: progress, cancel at each progress
// report of the miner, the rules or the error), so the main thread stays free while it works.
import { openDatabase } from '../db'
import { serveJob } from '../jobs/worker-side'
import { mineHere, type BasketWorkerInput } from './job'

serveJob(async ({ file, params }: BasketWorkerInput, job) => {
  const connection = openDatabase(file)
  try {
    return await mineHere(connection.db, params, job)
  } finally {
    await connection.close()
  }
})
