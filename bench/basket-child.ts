// Runs the basket analysis of one database in a process of its own, so its peak memory is the analysis's:
// node --import tsx bench/basket-child.ts DB_FILE MIN_SUPPORT MIN_CONFIDENCE. Prints one JSON line.
import { openDatabase } from '../src/main/db'
import { loadBaskets } from '../src/main/baskets/load'
import { analyzeBaskets } from '../src/main/baskets/mine'

const [dbFile, support, confidence] = process.argv.slice(2)
if (!dbFile || !support || !confidence)
  throw new Error('usage: basket-child.ts DB_FILE MIN_SUPPORT MIN_CONFIDENCE')
const connection = openDatabase(dbFile, { readonly: true })
const baseRssKb = Math.round(process.memoryUsage().rss / 1024)
const started = performance.now()
const baskets = await loadBaskets(connection.db, { level: 'product' })
const loaded = performance.now()
const result = analyzeBaskets(baskets, { minSupport: Number(support), minConfidence: Number(confidence) })
const mined = performance.now()
await connection.close()
process.stdout.write(
  `${JSON.stringify({
    baskets: result.baskets,
    itemsets: result.itemsets,
    bySize: result.itemsetsBySize,
    rules: result.rules.length,
    loadMs: loaded - started,
    mineMs: mined - loaded,
    baseRssKb,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
