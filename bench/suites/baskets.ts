import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { basketsFromLists } from '../../src/main/baskets/baskets'
import { analyzeBaskets } from '../../src/main/baskets/mine'
import { projectRoot } from '../../test/helpers/node'
import { generateBasketDb } from '../generate-basket-db'
import { atMost, type Suite } from '../types'

// #14: Groceries at support 0.001 (13,492 itemsets, 5,668 rules at confidence 0.5) against arules' C
// apriori (16-29 ms on this kind of machine, REFERENCE.md; target <= 2x its upper figure) and a generated
// shop of 500,000 lines and 4,000 products at support 0.005, in a child process for its peak memory.

const ARULES_MS = 29
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** The same run in R's arules when R and arules are installed; null when not. */
function arulesMs(file: string): number | null {
  const script = `suppressMessages(library(arules)); t <- read.transactions("${file}", format = "basket", sep = ","); ts <- c(); for (i in 1:11) { s <- Sys.time(); r <- apriori(t, parameter = list(supp = 0.001, conf = 0.5), control = list(verbose = FALSE)); ts <- c(ts, as.numeric(Sys.time() - s, units = "secs")) }; cat(median(ts) * 1000)`
  try {
    return Number(
      execFileSync('Rscript', ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )
  } catch {
    return null
  }
}

export const basketsSuite: Suite = {
  name: 'baskets',
  description: 'Market-basket analysis: Groceries at support 0.001 beside arules; a generated 500k-line shop',
  async run({ quick, workDir }) {
    const figures: { name: string; value: number; unit: string; target?: string; met?: boolean }[] = []
    const notes: string[] = []
    const groceries = resolve(projectRoot, '../shared/datasets/groceries.csv')
    if (existsSync(groceries)) {
      const lists = readFileSync(groceries, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split(','))
      const baskets = basketsFromLists(lists)
      const times: number[] = []
      const cpuTimes: number[] = []
      let itemsets = 0
      let rules = 0
      for (let i = 0; i < 25; i++) {
        const start = performance.now()
        const cpu = process.cpuUsage()
        const result = analyzeBaskets(baskets, { minSupport: 0.001, minConfidence: 0.5 })
        const used = process.cpuUsage(cpu)
        times.push(performance.now() - start)
        cpuTimes.push((used.user + used.system) / 1000)
        itemsets = result.itemsets
        rules = result.rules.length
      }
      // the first runs warm the JIT up. CPU time is the figure held to the target: on this shared 2-core
      // machine the wall time of a 30 ms task swings by 5x with the other processes' load
      const ms = median(cpuTimes.slice(5))
      const wall = median(times.slice(5))
      figures.push(
        { name: 'groceries_s0.001_c0.5_cpu', value: ms, unit: 'ms', ...atMost(ms, 2 * ARULES_MS) },
        { name: 'groceries_s0.001_c0.5_wall', value: wall, unit: 'ms' },
      )
      notes.push(
        `groceries: ${itemsets} itemsets, ${rules} rules; medians of 20 warm runs (best wall ${Math.min(...times).toFixed(1)} ms, load average ${loadavg()[0]?.toFixed(1)})`,
      )
      const reference = arulesMs(groceries)
      notes.push(
        reference === null
          ? 'reference implementation (R arules apriori): not installed; REFERENCE.md gives 16-29 ms on this kind of machine'
          : `reference implementation (R arules apriori), same run: ${reference.toFixed(1)} ms (ours ${(ms / reference).toFixed(2)}x)`,
      )
    } else {
      notes.push('groceries.csv not found at ../shared/datasets: Groceries figure skipped')
    }

    const lines = quick ? 50_000 : 500_000
    const file = join(workDir, 'baskets.db')
    const shop = await generateBasketDb(file, { lines, products: 4000, meanLines: 4.5, seed: 20261130 })
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'bench/basket-child.ts'), file, '0.005', '0.1'],
      { encoding: 'utf8', cwd: projectRoot },
    )
    const child = JSON.parse(out) as {
      itemsets: number
      rules: number
      bySize: (number | null)[]
      loadMs: number
      mineMs: number
      baseRssKb: number
      maxRssKb: number
    }
    const label = quick ? '50k' : '500k'
    figures.push(
      { name: `shop_${label}_lines_load`, value: child.loadMs / 1000, unit: 's' },
      { name: `shop_${label}_lines_mine_s0.005`, value: child.mineMs / 1000, unit: 's' },
      { name: `shop_${label}_lines_peak_rss`, value: Math.round(child.maxRssKb / 1024), unit: 'MB' },
    )
    notes.push(
      `generated shop: ${shop.receipts.toLocaleString('en-US')} receipts, ${shop.lines.toLocaleString('en-US')} lines, 4,000 products (Zipf popularity, planted bundles); ${child.itemsets} itemsets (by size ${child.bySize.slice(1).join(', ')}), ${child.rules} rules at confidence 0.1; process RSS before loading ${Math.round(child.baseRssKb / 1024)} MB`,
    )
    return { suite: 'baskets', figures, notes }
  },
}
