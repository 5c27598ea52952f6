// Runs one import in a process of its own, so its peak memory is the import's and not the harness's:
// node --import tsx bench/import-child.ts DB_FILE CSV_FILE. Prints one JSON line with the timings.
import { migrateToLatest, openDatabase } from '../src/main/db'
import { insertTime } from '../src/main/import/batch-insert'
import { spawnSourceParser } from '../src/main/cli/parser'
import { runImport } from '../src/main/import/run'

const [dbFile, file] = process.argv.slice(2)
if (!dbFile || !file) throw new Error('usage: import-child.ts DB_FILE CSV_FILE')
const connection = openDatabase(dbFile)
await migrateToLatest(connection.db)
const cpu = process.cpuUsage()
const started = performance.now()
const summary = await runImport(connection.sqlite, file, {}, { spawnParser: spawnSourceParser })
const elapsedMs = performance.now() - started
const used = process.cpuUsage(cpu)
await connection.close()
if (summary.status !== 'done')
  throw new Error(`import ${summary.status}: ${JSON.stringify(summary.errors.slice(0, 3))}`)
process.stdout.write(
  `${JSON.stringify({
    elapsedMs,
    cpuMs: (used.user + used.system) / 1000,
    insertMs: insertTime.ms,
    rowsRead: summary.rowsRead,
    receiptsAdded: summary.receiptsAdded,
    linesAdded: summary.linesAdded,
    duplicatesSkipped: summary.duplicatesSkipped,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
