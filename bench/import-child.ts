// Runs one import in a process of its own, so its peak memory is the import's and not the harness's:
// node --import tsx bench/import-child.ts DB_FILE CSV_FILE. Prints one JSON line with the timings.
import { migrateToLatest, openDatabase } from '../src/main/db'
import { runImport } from '../src/main/import/run'

const [dbFile, file, repeat] = process.argv.slice(2)
if (!dbFile || !file) throw new Error('usage: import-child.ts DB_FILE CSV_FILE [reimport]')
const connection = openDatabase(dbFile)
await migrateToLatest(connection.db)
const runs: {
  elapsedMs: number
  cpuMs: number
  linesAdded: number
  duplicatesSkipped: number
  rowsRead: number
  receiptsAdded: number
}[] = []
for (let i = 0; i < (repeat === 'reimport' ? 2 : 1); i++) {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const summary = await runImport(connection.sqlite, file)
  const used = process.cpuUsage(cpu)
  if (summary.status !== 'done')
    throw new Error(`import ${summary.status}: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  runs.push({
    elapsedMs: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    linesAdded: summary.linesAdded,
    duplicatesSkipped: summary.duplicatesSkipped,
    rowsRead: summary.rowsRead,
    receiptsAdded: summary.receiptsAdded,
  })
}
await connection.close()
process.stdout.write(`${JSON.stringify({ runs, maxRssKb: process.resourceUsage().maxRSS })}\n`)
