import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { loadavg } from 'node:os'
import {
  computeAnalysis,
  pruneRuns,
  resolveParameters,
  saveAnalysis,
  type Progress,
} from '../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../src/main/analysis/segment-rules'
import { freshTotals } from '../src/main/customers/totals'
import { migrateToLatest, openDatabase } from '../src/main/db'
import { staleNewestTotals } from './stale-totals'

// A developer's check, not a suite: `npm exec -- tsx bench/check-analysis.ts SHOP.db [--save N] [--totals]`.
// Copies SHOP.db aside, migrates the copy, runs computeAnalysis as of the shop's last sale and prints the
// sha256 of the whole result (durationMs left out) with the CPU time of each phase, so a change to the read
// or the save can be checked for identical results and measured against the code before it (run both, in
// turn). --save N stores N runs first (each pruned after, as the app keeps up to 20) and then times the save of
// one more and the prune after it;
// --totals times freshTotals after a forced rebuild, then after an import of the newest 1% of the receipts.

const PHASES: Record<string, string> = {
  'analysis.phase.reading': 'read',
  'analysis.phase.scoring': 'score',
  'analysis.phase.fitting': 'fit',
  'analysis.phase.predicting': 'predict',
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

async function main(): Promise<void> {
  const [source, ...rest] = process.argv.slice(2)
  if (!source || !existsSync(source))
    throw new Error('usage: check-analysis.ts SHOP.db [--save N] [--totals]')
  const saveAt = rest.indexOf('--save')
  const priorRuns = saveAt >= 0 ? Number(rest[saveAt + 1] ?? 0) : -1
  const file = `${source}.check-${process.pid}.db`
  copyFileSync(source, file)
  const connection = openDatabase(file)
  try {
    await migrateToLatest(connection.db)
    const { sqlite, db } = connection
    const parameters = resolveParameters(sqlite, {})
    const marks: [string, number][] = []
    const cpu0 = process.cpuUsage()
    const result = computeAnalysis(sqlite, parameters, DEFAULT_SEGMENT_RULES, (p: Progress) => {
      const phase = PHASES[p.phase]
      if (phase && marks.at(-1)?.[0] !== phase) marks.push([phase, cpuMs(cpu0)])
    })
    const computed = cpuMs(cpu0)
    const { durationMs: _omit, ...stable } = result
    const hash = createHash('sha256').update(JSON.stringify(stable)).digest('hex')
    const phases = marks.map(
      ([phase, at], i) => `${phase} ${((marks[i + 1]?.[1] ?? computed) - at).toFixed(0)}`,
    )
    const line = [`sha256 ${hash}`, `compute CPU ${computed.toFixed(0)} ms (${phases.join(', ')})`]
    if (priorRuns >= 0) {
      for (let i = 0; i < priorRuns; i++) {
        saveAnalysis(sqlite, result)
        pruneRuns(sqlite)
      }
      const save0 = process.cpuUsage()
      const wall0 = performance.now()
      saveAnalysis(sqlite, result)
      line.push(
        `save CPU ${cpuMs(save0).toFixed(0)} ms, wall ${(performance.now() - wall0).toFixed(0)} ms (after ${priorRuns} runs)`,
      )
      const prune0 = process.cpuUsage()
      const pruned = pruneRuns(sqlite)
      line.push(`prune CPU ${cpuMs(prune0).toFixed(0)} ms (${pruned} runs)`)
    }
    if (rest.includes('--totals')) {
      sqlite.exec('delete from customer_totals_state')
      const t0 = process.cpuUsage()
      await freshTotals(db)
      line.push(`totals CPU ${cpuMs(t0).toFixed(0)} ms`)
      // then as after an import of the newest 1% of the receipts: those customers' rows stale
      staleNewestTotals(sqlite)
      const t1 = process.cpuUsage()
      await freshTotals(db)
      line.push(`totals after a 1% import CPU ${cpuMs(t1).toFixed(0)} ms`)
    }
    line.push(
      `customers ${result.customers.length}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    )
    process.stdout.write(`${line.join('; ')}\n`)
  } finally {
    await connection.close()
    // the copy, its WAL files, its lock and the backups the migration wrote beside it
    for (const name of readdirSync(dirname(file)))
      if (name.startsWith(basename(file))) rmSync(join(dirname(file), name), { force: true })
  }
}

void main()
