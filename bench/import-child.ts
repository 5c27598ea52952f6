// Runs one import in a process of its own, so its peak memory is the import's and not the harness's:
// node --import tsx bench/import-child.ts DB_FILE CSV_FILE. The import runs as in the app: in the import
// worker electron-vite bundles (out/main/import-worker.js), which reads the file in a parser thread of its
// own; this thread only opens the database (migrations) and waits, as the app's main process does.
// Prints one JSON line with the timings.
import { migrateToLatest, openDatabase } from '../src/main/db'
import type { ImportWorkerInput } from '../src/main/import/job'
import type { ImportSummary } from '../src/main/import/types'
import { configureWorkers, runInWorker } from '../src/main/jobs/workers'
import { bundledWorkerDir } from '../test/harness/workers'

const [dbFile, file] = process.argv.slice(2)
if (!dbFile || !file) throw new Error('usage: import-child.ts DB_FILE CSV_FILE')
configureWorkers({ bundle: bundledWorkerDir() })
const connection = openDatabase(dbFile)
await migrateToLatest(connection.db)
const cpu = process.cpuUsage()
const started = performance.now()
const input: ImportWorkerInput = { dbFile, file, options: {}, startedAt: new Date().toISOString() }
// when each phase the import reports begins: checking (plan), reading (the parser thread reads, parses and
// maps while this side matches and writes), finishing (flush, index rebuild, commit)
const phaseStarts: [string, number][] = []
const summary = await runInWorker<ImportSummary>('import-worker', input, {
  jobId: 'bench',
  signal: new AbortController().signal,
  progress: ({ phase }) => {
    if (phaseStarts.at(-1)?.[0] !== phase) phaseStarts.push([phase, performance.now() - started])
  },
})
const elapsedMs = performance.now() - started
const phases: Record<string, number> = {}
phaseStarts.forEach(([phase, at], i) => {
  phases[phase.replace('import.phase.', '')] = (phaseStarts[i + 1]?.[1] ?? elapsedMs) - at
})
phases.start = phaseStarts[0]?.[1] ?? 0 // the worker thread starting, the database opening
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
    phases,
    parts: summary.parts ?? {},
  })}\n`,
)
