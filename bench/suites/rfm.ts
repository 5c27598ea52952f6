import { join } from 'node:path'
import { computeCohorts } from '../../src/main/analysis/cohorts'
import { computeRfm } from '../../src/main/analysis/rfm'
import {
  KEEP_RECENT_RUNS,
  computeAnalysis,
  pruneRuns,
  resolveParameters,
  saveAnalysis,
  type Progress,
} from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { snapshotCohorts } from '../../src/main/analysis/stored-cohorts'
import { dashboardKpis, getDashboard } from '../../src/main/dashboard'
import { freshTotals } from '../../src/main/customers/totals'
import { addImportedTotals } from '../../src/main/customers/totals-update'
import { addImportedDays, sqliteRunner, type DaysMark } from '../../src/main/dashboard/days-update'
import { ensureDashboardDays, storeDashboardDays } from '../../src/main/dashboard/stored-days'
import { migrateToLatest, openDatabase, type Sqlite } from '../../src/main/db'
import { generateSalesDb } from '../generate-sales-db'
import { prestartAnalysis, type AnalysisWorkerInput } from '../../src/main/analysis/job'
import { configureWorkers, endKeptWorkers, runInWorker } from '../../src/main/jobs/workers'
import { bundledWorkerDir } from '../../test/harness/workers'
import { duckCohorts, duckDashboard, duckPeer, duckRfm } from '../peers/duckdb'
import { atRiskCard, newCustomersCard, secondPurchaseCard } from '../../src/main/retention/cards'
import { cpuMsSince, interleaved, loadText, median, round } from '../peers/stats'
import { atMost, type Figure, type Suite } from '../types'
import { staleNewestTotals } from '../stale-totals'

// Issue 17: the analysis side by side with DuckDB on the same receipts of a generated shop (100k customers;
// 10k with --quick). RFM, cohorts and the dashboard run interleaved with their DuckDB peer (Lukkha, DuckDB,
// Lukkha, DuckDB, ...) and report medians and Lukkha / DuckDB ratios, with the CPU time of each; the full
// analysis run is timed per phase (read, score, fit, predict, save; wall and CPU) so the hottest part is
// visible. It runs first, so the cohorts page's read of the stored cohorts and the dashboard over the stored
// days (both as the app meets them after the analysis that follows an import) are measured beside the live
// computations. The stored days are kept by imports (timed: an import of 1% more receipts; the full rebuild
// is only the fallback), and the job's work after a run (the customer totals) is timed on its own.

/**
 * Times `work` as an import of the newest 1% of the receipts runs it at its finish (`mark`: the largest receipt
 * and line ids before them), in a transaction rolled back after; `setup` runs first, untimed. [wall s, CPU ms].
 */
async function lastPercentImport(
  sqlite: Sqlite,
  work: (mark: DaysMark) => Promise<unknown>,
  setup?: (mark: DaysMark) => unknown,
): Promise<[number, number]> {
  const [maxReceipt, receipts] = sqlite.prepare('select max(id), count(*) from receipts').raw().get() as [
    number,
    number,
  ]
  const from = maxReceipt - Math.round(receipts / 100)
  const maxLine = sqlite
    .prepare('select coalesce(max(id), 0) from receipt_lines where receipt_id <= ?')
    .pluck()
    .get(from) as number
  const mark: DaysMark = { fresh: true, maxReceipt: from, maxLine }
  sqlite.exec('begin immediate')
  try {
    setup?.(mark)
    const cpu0 = process.cpuUsage()
    const start = performance.now()
    await work(mark)
    return [(performance.now() - start) / 1000, cpuMsSince(cpu0)]
  } finally {
    sqlite.exec('rollback')
  }
}

/** First runs of the full analysis timed per suite run (the median is printed). */
const FULL_RUNS = 3
/**
 * Later runs timed once KEEP_RECENT_RUNS runs are stored: in this process (compute, save, then the prune after
 * it), and as the app makes them in its kept analysis-worker thread (after the APP_ROUNDS rounds below).
 */
const STEADY_RUNS = 3
/** Rounds of a session's start as the app makes it (a new thread; the warm-up and the first run after it). */
const APP_ROUNDS = 3

const PHASES: Record<string, string> = {
  'analysis.phase.reading': 'read',
  'analysis.phase.scoring': 'score',
  'analysis.phase.fitting': 'fit',
  'analysis.phase.predicting': 'predict',
}

export const rfmSuite: Suite = {
  name: 'rfm',
  description:
    'RFM, cohorts and dashboard side by side with DuckDB on the same receipts; full analysis by phase; generated shop',
  async run({ quick, workDir, customers: size }) {
    const customers = size ?? (quick ? 10_000 : 100_000)
    const rounds = quick ? 3 : 5
    const label = customers % 1000 === 0 ? `${customers / 1000}k` : String(customers)
    const atTargetSize = customers === 100_000 && !quick // the targets are set at 100k customers
    const loadBefore = loadText()
    const file = join(workDir, 'shop.db')
    const generationStart = performance.now()
    const shop = await generateSalesDb(file, { customers, meanLines: 4.5, seed: 20261125 })
    const generationSeconds = (performance.now() - generationStart) / 1000
    const duckStart = performance.now()
    const duck = await duckPeer(file, workDir)
    const duckLoadSeconds = (performance.now() - duckStart) / 1000
    const connection = openDatabase(file)
    await migrateToLatest(connection.db)
    try {
      const { sqlite, db } = connection
      const asOf = shop.lastDate
      // The generated shop was written straight into the database, not imported, so its stored dashboard days
      // are built here as its imports would have left them (the full rebuild is the fallback; timed beside)
      const rebuildCpu0 = process.cpuUsage()
      const rebuildStart = performance.now()
      storeDashboardDays(sqlite)
      const rebuildSeconds = (performance.now() - rebuildStart) / 1000
      const rebuildCpu = cpuMsSince(rebuildCpu0)
      // what an import of the last 1% of the receipts adds to them (dashboard/days-update.ts), rolled back
      const importedDays = await lastPercentImport(sqlite, (mark) =>
        addImportedDays(sqliteRunner(sqlite), mark),
      )
      // the full run, by phase: the progress events mark where each phase starts. A shop's first run, timed
      // FULL_RUNS times (each saved run deleted again, untimed, so every save meets no stored run); the figures
      // are the run of median total time
      const parameters = resolveParameters(sqlite, { asOf })
      const fullRun = () => {
        const marks: [string, number, number][] = []
        const cpu0 = process.cpuUsage()
        const start = performance.now()
        const result = computeAnalysis(sqlite, parameters, DEFAULT_SEGMENT_RULES, (p: Progress) => {
          const phase = PHASES[p.phase]
          if (phase && marks.at(-1)?.[0] !== phase) marks.push([phase, performance.now(), cpuMsSince(cpu0)])
        })
        const computed = performance.now()
        const computedCpu = cpuMsSince(cpu0)
        const runId = saveAnalysis(sqlite, result)
        const saved = performance.now()
        return { result, marks, start, computed, computedCpu, saved, savedCpu: cpuMsSince(cpu0), runId }
      }
      const fullRuns: ReturnType<typeof fullRun>[] = []
      for (let i = 0; i < FULL_RUNS; i++) {
        if (i > 0) sqlite.prepare('delete from analysis_runs where id = ?').run(fullRuns[i - 1]?.runId)
        fullRuns.push(fullRun())
      }
      const fullSeconds = fullRuns.map((r) => (r.saved - r.start) / 1000)
      const { result, marks, start, computed, computedCpu, saved, savedCpu } = [...fullRuns].sort(
        (a, b) => a.saved - a.start - (b.saved - b.start),
      )[Math.floor(FULL_RUNS / 2)] as ReturnType<typeof fullRun>
      // what the analysis job does after saving (job.ts): the stored days only if stale (they are current
      // here, as imports leave them), then the customer totals the list and the dashboard's counts read
      // (after the last run's save)
      const afterCpu0 = process.cpuUsage()
      const afterStart = performance.now()
      ensureDashboardDays(sqlite)
      await freshTotals(db)
      const afterSeconds = (performance.now() - afterStart) / 1000
      const afterCpu = cpuMsSince(afterCpu0)
      // the same refresh after an import of the last 1% of the receipts: their customers' rows are made stale
      // here (the import's doing), and freshTotals rewrites only the rows that changed
      const totalsAfterImport = await (async (): Promise<[number, number]> => {
        staleNewestTotals(sqlite)
        const cpu0 = process.cpuUsage()
        const start = performance.now()
        await freshTotals(db)
        return [(performance.now() - start) / 1000, cpuMsSince(cpu0)]
      })()
      // what an import of the last 1% of the receipts pays at its finish to keep its customers' totals current
      // (customers/totals-update.ts), from totals that matched the receipts before it; rolled back
      const keptTotals = await lastPercentImport(
        sqlite,
        (mark) => addImportedTotals(sqliteRunner(sqlite), mark, 0),
        (mark) =>
          // the totals as they matched the receipts before that import (its key then)
          sqlite
            .prepare(
              `update customer_totals_state set receipts_key = ? || ':' ||
                 (select count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at) from imports)`,
            )
            .run(String(mark.maxReceipt)),
      )
      const phaseMs: Record<string, [number, number]> = {}
      marks.forEach(([phase, at, cpu], i) => {
        phaseMs[phase] = [(marks[i + 1]?.[1] ?? computed) - at, (marks[i + 1]?.[2] ?? computedCpu) - cpu]
      })
      phaseMs.save = [saved - computed, savedCpu - computedCpu]
      const totalSeconds = (saved - start) / 1000
      const totalCpuSeconds = savedCpu / 1000

      const key = sqlite.prepare('select data_key from dashboard_days_state').pluck().get() as string
      const totalsKey = sqlite
        .prepare('select receipts_key from customer_totals_state')
        .pluck()
        .get() as string
      let scored: ReturnType<typeof computeRfm> = []
      let duckScored: unknown[][] = []
      const cpu: Record<string, number[]> = {}
      const times = await interleaved(
        rounds,
        {
          rfm: () => (scored = computeRfm(sqlite, { asOf, windowDays: null }, DEFAULT_SEGMENT_RULES)),
          rfmDuck: async () => (duckScored = await duckRfm(duck, asOf)),
          cohorts: () => snapshotCohorts(sqlite),
          cohortsLive: () => computeCohorts(sqlite, { asOf }),
          cohortsDuck: () => duckCohorts(duck, asOf),
          dashboard: () => getDashboard(db, undefined, asOf),
          dashboardKpis: () => dashboardKpis(db, undefined, asOf),
          dashboardLive: async () => {
            // the receipts, as before the stored days and the customer totals
            sqlite.exec('delete from dashboard_days_state; delete from customer_totals_state')
            await getDashboard(db, undefined, asOf)
            sqlite.prepare('insert into dashboard_days_state (id, data_key) values (1, ?)').run(key)
            sqlite
              .prepare('insert into customer_totals_state (id, receipts_key) values (1, ?)')
              .run(totalsKey)
          },
          dashboardDuck: () => duckDashboard(duck, asOf),
          // the dashboard's three retention cards, each its own call (src/main/retention/cards.ts), drawn after
          // the cards above: printed on their own lines, not in the dashboard figure
          cardAtRisk: () => atRiskCard(db, undefined, asOf),
          cardNewCustomers: () => newCustomersCard(db, undefined, asOf),
          cardSecondPurchase: () => secondPurchaseCard(db, undefined, asOf),
        },
        cpu,
      )
      // A later run once the app keeps its full history (KEEP_RECENT_RUNS runs stored): what a shop owner waits
      // for on every run after the first weeks (compute, then a save into a table of 20 runs), and the prune of
      // the oldest run that follows it (the job's upkeep after the run is shown). STEADY_RUNS rounds, medians.
      // After the rounds above, which read the first run.
      for (let i = 1; i < KEEP_RECENT_RUNS; i++) {
        saveAnalysis(sqlite, result)
        pruneRuns(sqlite)
      }
      const steady: Record<'run' | 'runCpu' | 'save' | 'saveCpu' | 'prune' | 'pruneCpu', number[]> = {
        run: [],
        runCpu: [],
        save: [],
        saveCpu: [],
        prune: [],
        pruneCpu: [],
      }
      for (let i = 0; i < STEADY_RUNS; i++) {
        const runCpu0 = process.cpuUsage()
        const runStart = performance.now()
        const later = computeAnalysis(sqlite, parameters, DEFAULT_SEGMENT_RULES)
        const saveCpu0 = process.cpuUsage()
        const saveStart = performance.now()
        saveAnalysis(sqlite, later)
        const saved = performance.now()
        steady.run.push((saved - runStart) / 1000)
        steady.runCpu.push(cpuMsSince(runCpu0))
        steady.save.push((saved - saveStart) / 1000)
        steady.saveCpu.push(cpuMsSince(saveCpu0))
        const pruneCpu0 = process.cpuUsage()
        const pruneStart = performance.now()
        if (pruneRuns(sqlite) !== 1) throw new Error('the prune after a later run deletes one run')
        steady.prune.push((performance.now() - pruneStart) / 1000)
        steady.pruneCpu.push(cpuMsSince(pruneCpu0))
      }
      // The same later runs as the app makes them: jobs in the analysis-worker thread from the built bundle, each
      // with its own connection, timed from the start until the 'analysis.phase.done' progress (the run is
      // stored; the pages refresh then) and until the job ends (its upkeep: the prune, the dashboard days, the
      // customers' totals). APP_ROUNDS interleaved rounds of a session's start: a run in a new thread that was
      // not started ahead (what a run in the app's first seconds gets), then, as the app does once its window
      // has loaded, the thread started and warmed up (prestartAnalysis) and the session's first run in it. Then
      // more runs in that thread, kept between runs as the app keeps it. Medians.
      configureWorkers({ bundle: bundledWorkerDir() })
      const appRun = async (jobId: string): Promise<{ shown: number; ended: number; phases: string }> => {
        const start = performance.now()
        let shown = 0
        const marks: [string, number][] = []
        const input: AnalysisWorkerInput = { file, parameters, rules: DEFAULT_SEGMENT_RULES }
        await runInWorker<{ runId: number }>(
          'analysis-worker',
          input,
          {
            jobId,
            signal: new AbortController().signal,
            progress: ({ phase }) => {
              if (marks.at(-1)?.[0] !== phase) marks.push([phase, performance.now() - start])
              if (phase === 'analysis.phase.done' && shown === 0) shown = performance.now()
            },
          },
          { keep: true },
        )
        return {
          shown: (shown - start) / 1000,
          ended: (performance.now() - start) / 1000,
          phases: marks
            .map(([phase, at]) => `${phase.replace('analysis.phase.', '')} ${(at / 1000).toFixed(3)}`)
            .join(', '),
        }
      }
      type AppRun = Awaited<ReturnType<typeof appRun>>
      const app: Record<'unwarmed' | 'first' | 'kept', AppRun[]> = { unwarmed: [], first: [], kept: [] }
      const warmUp: Record<'seconds' | 'rssMb', number[]> = { seconds: [], rssMb: [] }
      try {
        for (let i = 0; i < APP_ROUNDS; i++) {
          await endKeptWorkers()
          app.unwarmed.push(await appRun(`bench-new-thread-${i}`))
          await endKeptWorkers()
          const rss0 = process.memoryUsage().rss
          const warmStart = performance.now()
          if (!(await prestartAnalysis())) throw new Error('the analysis thread ended during its warm-up')
          warmUp.seconds.push((performance.now() - warmStart) / 1000)
          warmUp.rssMb.push((process.memoryUsage().rss - rss0) / 1e6)
          app.first.push(await appRun(`bench-first-${i}`))
        }
        for (let i = 0; i < STEADY_RUNS; i++) app.kept.push(await appRun(`bench-kept-${i}`))
      } finally {
        await endKeptWorkers()
        configureWorkers(null)
      }
      const appMedian = (runs: AppRun[], of: 'shown' | 'ended'): number => median(runs.map((r) => r[of]))
      const appList = (runs: AppRun[], of: 'shown' | 'ended'): string =>
        runs.map((r) => r[of].toFixed(3)).join(', ')
      const cpuMs = (name: string): number => round(median(cpu[name] ?? []), 0)
      const ms = (name: string): number => median(times[name] ?? [])

      const ratio = (name: string): number => round(ms(name) / ms(`${name}Duck`), 2)
      const pair = (
        name: string,
        title: string,
        target: number | null,
        ratioTarget: number | null,
      ): Figure[] => [
        {
          name: `${title} ${label}`,
          value: round(ms(name) / 1000),
          unit: 's',
          ...(target !== null && atTargetSize ? atMost(round(ms(name) / 1000), target) : {}),
        },
        { name: `${title} ${label}, CPU`, value: round(cpuMs(name) / 1000), unit: 's' },
        { name: `${title} ${label}, DuckDB`, value: round(ms(`${name}Duck`) / 1000), unit: 's' },
        {
          name: `${title} Lukkha / DuckDB`,
          value: ratio(name),
          unit: 'x',
          ...(ratioTarget !== null ? atMost(ratio(name), ratioTarget) : {}),
        },
      ]
      const figures: Figure[] = [
        ...pair('rfm', 'RFM + segments', 1, 1),
        ...pair('cohorts', 'cohorts (stored with the snapshot)', 0.3, null),
        { name: `  cohorts computed live ${label}`, value: round(ms('cohortsLive') / 1000), unit: 's' },
        {
          name: `  cohorts computed live ${label}, CPU`,
          value: round(cpuMs('cohortsLive') / 1000),
          unit: 's',
        },
        ...pair('dashboard', 'dashboard, KPI + chart + best sellers (stored days)', 0.15, null),
        { name: `  dashboard KPI card ${label}`, value: round(ms('dashboardKpis') / 1000), unit: 's' },
        {
          name: `  dashboard KPI card ${label}, CPU`,
          value: round(cpuMs('dashboardKpis') / 1000),
          unit: 's',
        },
        {
          name: `  dashboard from the receipts ${label}`,
          value: round(ms('dashboardLive') / 1000),
          unit: 's',
        },
        {
          name: `  dashboard from the receipts ${label}, CPU`,
          value: round(cpuMs('dashboardLive') / 1000),
          unit: 's',
        },
        ...[
          ['cardAtRisk', 'at-risk'],
          ['cardNewCustomers', 'new customers'],
          ['cardSecondPurchase', 'second-purchase'],
        ].flatMap(([name = '', card = '']) => [
          { name: `  dashboard ${card} card ${label}`, value: round(ms(name) / 1000), unit: 's' },
          { name: `  dashboard ${card} card ${label}, CPU`, value: round(cpuMs(name) / 1000), unit: 's' },
        ]),
        {
          name: `full analysis ${label} (compute + save)`,
          value: round(totalSeconds),
          unit: 's',
          ...(atTargetSize ? atMost(round(totalSeconds), 1.5) : {}),
        },
        { name: `full analysis ${label}, CPU`, value: round(totalCpuSeconds), unit: 's' },
        {
          name: `  full analysis per 1,000 customers, CPU`,
          value: round(totalCpuSeconds / (customers / 1000), 4),
          unit: 's',
        },
        ...Object.entries(phaseMs).flatMap(([phase, [wall, used]]) => [
          { name: `  analysis phase: ${phase}`, value: round(wall / 1000), unit: 's' },
          { name: `  analysis phase: ${phase}, CPU`, value: round(used / 1000), unit: 's' },
        ]),
        {
          name: `full analysis ${label}, a later run (${KEEP_RECENT_RUNS} runs stored; compute + save)`,
          value: round(median(steady.run)),
          unit: 's',
          ...(atTargetSize ? atMost(round(median(steady.run)), 1.5) : {}),
        },
        {
          name: `full analysis ${label}, a later run, CPU`,
          value: round(median(steady.runCpu) / 1000),
          unit: 's',
        },
        {
          name: `full analysis ${label}, as the app runs it: a session's first run (thread warmed up at launch; until shown)`,
          value: round(appMedian(app.first, 'shown')),
          unit: 's',
          ...(atTargetSize ? atMost(round(appMedian(app.first, 'shown')), 1.5) : {}),
        },
        {
          name: `  a run in a new thread, not started ahead (the app's first seconds; until shown)`,
          value: round(appMedian(app.unwarmed, 'shown')),
          unit: 's',
        },
        {
          name: `  the analysis thread's start and warm-up (at launch, not waited for)`,
          value: round(median(warmUp.seconds)),
          unit: 's',
        },
        {
          name: `  the process's RSS growth over the warm-up`,
          value: round(median(warmUp.rssMb), 0),
          unit: 'MB',
        },
        {
          name: `full analysis ${label}, as the app runs it: the next runs (kept thread; until shown)`,
          value: round(appMedian(app.kept, 'shown')),
          unit: 's',
          ...(atTargetSize ? atMost(round(appMedian(app.kept, 'shown')), 1.5) : {}),
        },
        {
          name: `  the next runs' jobs until they end (prune, dashboard days, customers' totals after it)`,
          value: round(appMedian(app.kept, 'ended')),
          unit: 's',
        },
        {
          name: `  analysis save with ${KEEP_RECENT_RUNS} runs stored (a later run)`,
          value: round(median(steady.save)),
          unit: 's',
        },
        {
          name: `  analysis save with ${KEEP_RECENT_RUNS} runs stored, CPU`,
          value: round(median(steady.saveCpu) / 1000),
          unit: 's',
        },
        {
          name: `  after the run (job): prune of the oldest run`,
          value: round(median(steady.prune)),
          unit: 's',
        },
        {
          name: `  after the run (job): prune of the oldest run, CPU`,
          value: round(median(steady.pruneCpu) / 1000),
          unit: 's',
        },
        { name: `  after the run (job): customer totals`, value: round(afterSeconds), unit: 's' },
        { name: `  after the run (job): customer totals, CPU`, value: round(afterCpu / 1000), unit: 's' },
        {
          name: `  customer totals after an import of 1% more receipts`,
          value: round(totalsAfterImport[0]),
          unit: 's',
        },
        {
          name: `  customer totals after an import of 1% more receipts, CPU`,
          value: round(totalsAfterImport[1] / 1000),
          unit: 's',
        },
        {
          name: `  customer totals kept by an import of 1% more receipts (its finish)`,
          value: round(keptTotals[0]),
          unit: 's',
        },
        {
          name: `  customer totals kept by an import of 1% more receipts (its finish), CPU`,
          value: round(keptTotals[1] / 1000),
          unit: 's',
        },
        { name: `  dashboard days: an import of 1% more receipts`, value: round(importedDays[0]), unit: 's' },
        {
          name: `  dashboard days: an import of 1% more receipts, CPU`,
          value: round(importedDays[1] / 1000),
          unit: 's',
        },
        { name: `  dashboard days: full rebuild (fallback)`, value: round(rebuildSeconds), unit: 's' },
        {
          name: `  dashboard days: full rebuild (fallback), CPU`,
          value: round(rebuildCpu / 1000),
          unit: 's',
        },
      ]
      // the same answer: every customer in the same segment
      const duckSegment = new Map(duckScored.map((row) => [Number(row[0]), String(row[7])]))
      const agree = scored.filter(
        (c) => duckSegment.get(c.customerId) === DEFAULT_SEGMENT_RULES.segments[c.segmentIndex]?.id,
      ).length
      const list = (name: string): string => (times[name] ?? []).map((t) => t.toFixed(0)).join(', ')
      return {
        suite: 'rfm',
        figures,
        notes: [
          `load average (1/5/15 min) before: ${loadBefore}; after: ${loadText()}`,
          `generated ${shop.customers.toLocaleString('en-US')} customers, ${shop.receipts.toLocaleString('en-US')} receipts, ${shop.lines.toLocaleString('en-US')} lines in ${generationSeconds.toFixed(1)} s; copied to DuckDB in ${duckLoadSeconds.toFixed(1)} s (not timed in the figures)`,
          `RFM scored ${scored.length.toLocaleString('en-US')} customers (DuckDB ${duckScored.length.toLocaleString('en-US')}) as of ${asOf}; ${agree.toLocaleString('en-US')} in the same segment in both`,
          `full analysis, ${FULL_RUNS} first runs (each into no stored run), s: ${fullSeconds.map((x) => x.toFixed(3)).join(', ')}; the median one's phases are printed`,
          `full analysis, ${STEADY_RUNS} later runs (${KEEP_RECENT_RUNS} runs stored), s: ${steady.run.map((x) => x.toFixed(3)).join(', ')}; saves ${steady.save.map((x) => x.toFixed(3)).join(', ')}; prunes after them ${steady.prune.map((x) => x.toFixed(3)).join(', ')}`,
          `full analysis as the app runs it (${KEEP_RECENT_RUNS} runs stored), ${APP_ROUNDS} rounds, s until shown (until the job ends): a new thread not started ahead ${appList(app.unwarmed, 'shown')} (${appList(app.unwarmed, 'ended')}); the session's first run after the warm-up ${appList(app.first, 'shown')} (${appList(app.first, 'ended')}); then ${STEADY_RUNS} runs in the kept thread ${appList(app.kept, 'shown')} (${appList(app.kept, 'ended')}); warm-ups ${warmUp.seconds.map((x) => x.toFixed(3)).join(', ')} s`,
          ...(
            [
              ['a new thread', app.unwarmed],
              ["the session's first", app.first],
              ['the kept thread', app.kept],
            ] as const
          ).flatMap(([what, runs]) =>
            runs.map(
              (r, i) => `  app run, ${what} ${i + 1}, each phase's start (s after the job's): ${r.phases}`,
            ),
          ),
          `${rounds} interleaved rounds, ms (Lukkha | DuckDB): RFM ${list('rfm')} | ${list('rfmDuck')}; cohorts stored ${list('cohorts')}, live ${list('cohortsLive')} | ${list('cohortsDuck')}; dashboard stored days ${list('dashboard')}, from the receipts ${list('dashboardLive')} | ${list('dashboardDuck')}`,
          'CPU is this process: SQLite and the JS run in this thread; DuckDB may use more than one thread',
          'DuckDB cohorts: sizes, activity and revenue by month offset; Lukkha also computes new vs returning and second-purchase conversion in the same pass',
          result.models.note ??
            `models fitted: BG/NBD r=${result.models.bgnbd?.params.r.toFixed(3)}, Gamma-Gamma p=${result.models.gammaGamma?.params.p.toFixed(3)}`,
        ],
      }
    } finally {
      duck.close()
      await connection.close()
    }
  },
}
