// Runs one import in a process of its own, so its peak memory is the import's and not the harness's:
// node --import tsx bench/import-child.ts DB_FILE CSV_FILE. The import runs as in the app: in the import
// worker electron-vite bundles (out/main/chunks/worker-*.js), which reads the file in a parser thread of its
// own; this thread only opens the database (migrations) and waits, as the app's main process does.
// Prints one JSON line with the timings.
import { Worker } from 'node:worker_threads'
import { migrateToLatest, openDatabase } from '../src/main/db'
import type { WorkerMessage } from '../src/main/import/jobs'
import type { ImportSummary } from '../src/main/import/types'
import { bundledWorkerPaths } from '../test/harness/workers'

const [dbFile, file] = process.argv.slice(2)
if (!dbFile || !file) throw new Error('usage: import-child.ts DB_FILE CSV_FILE')
const { importWorker } = bundledWorkerPaths()
const connection = openDatabase(dbFile)
await migrateToLatest(connection.db)
const cpu = process.cpuUsage()
const started = performance.now()
const summary = await new Promise<ImportSummary>((resolve, reject) => {
  const worker = new Worker(importWorker, { workerData: { dbFile, file, options: {} } })
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'done') resolve(message.summary)
    else if (message.type === 'error') reject(new Error(`${message.code}: ${message.message}`))
  })
  worker.on('error', reject)
})
const elapsedMs = performance.now() - started
const used = process.cpuUsage(cpu)
await connection.close()
if (summary.status !== 'done')
  throw new Error(`import ${summary.status}: ${JSON.stringify(summary.errors.slice(0, 3))}`)
process.stdout.write(
  `${JSON.stringify({
    elapsedMs,
    cpuMs: (used.user + used.system) / 1000,
    rowsRead: summary.rowsRead,
    receiptsAdded: summary.receiptsAdded,
    linesAdded: summary.linesAdded,
    duplicatesSkipped: summary.duplicatesSkipped,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
