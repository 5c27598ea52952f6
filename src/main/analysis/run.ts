import type { Sqlite } from '../db'
import { ensureDashboardDays } from '../dashboard/stored-days'
import { LukkhaError } from '../errors'
import type {
  AnalysisOptions,
  AnalysisPhase,
  ChurnLevel,
  Cohorts,
  SegmentRules,
} from '../../shared/api/analysis'
import {
  CHURN_HORIZON_DAYS,
  churnLevelOf,
  overdueRatio,
  rhythmScore,
  shopInterval,
  usualInterval,
} from './churn'
import { DEFAULT_CLV_OPTIONS, type ClvOptions } from './clv'
import { fitModelColumns, MODEL_UNIT_DAYS, type CustomerValue, type FittedModels } from './customer-value'
import { dateOfDay, dayNumber } from './dates'
import { forecastGroups } from './forecast-groups'
import { expectedSpend } from './gamma-gamma'
import { readHistory } from './history-pass'
import { latestSaleDate, scoreRfm, type RfmScore } from './rfm'
import { insertScores } from './score-rows'
import { saveCohorts } from './stored-cohorts'
import { validateSegmentRules } from './segment-rules'

// One analysis run: read (in one read transaction, so an import committing meanwhile cannot split the
// picture), score RFM, fit the models, predict, and store everything in one write transaction. The compute
// half is synchronous and pure over the handle, so it runs the same in a worker thread, the CLI and tests.

export interface AnalysisParameters {
  asOf: string
  windowDays: number | null
  horizonDays: number
  annualDiscountRate: number
}

export interface Progress {
  done: number
  total: number
  phase: AnalysisPhase
}
export type OnProgress = (progress: Progress) => void

export interface ScoredCustomer extends RfmScore, CustomerValue {
  segment: string
  purchaseDays: number
  firstPurchase: string
  lastPurchase: string
  usualIntervalDays: number | null
  churnRisk: number | null
  churnLevel: ChurnLevel
}

export interface AnalysisResult {
  parameters: AnalysisParameters
  rules: SegmentRules
  customers: ScoredCustomer[]
  revenueSatang: number
  models: FittedModels
  shopIntervalDays: number | null
  /** The acquisition cohorts as of the run's date (all months), stored with the snapshot. */
  cohorts: Cohorts
  durationMs: number
}

export const PROGRESS_TOTAL = 100

/** Fills in the defaults; the as-of date defaults to the latest sale, so a stale import is not "all lost". */
export function resolveParameters(sqlite: Sqlite, options: AnalysisOptions = {}): AnalysisParameters {
  const asOf = options.asOf ?? latestSaleDate(sqlite)
  if (asOf === null) {
    throw new LukkhaError('no_sales', 'There are no sales to analyse yet. Import sales first.')
  }
  dayNumber(asOf) // throws on a malformed date
  return {
    asOf,
    windowDays: options.windowDays ?? null,
    horizonDays: options.horizonDays ?? DEFAULT_CLV_OPTIONS.horizonDays,
    annualDiscountRate: options.annualDiscountRate ?? DEFAULT_CLV_OPTIONS.annualDiscountRate,
  }
}

export function computeAnalysis(
  sqlite: Sqlite,
  parameters: AnalysisParameters,
  rules: SegmentRules,
  onProgress: OnProgress = () => undefined,
): AnalysisResult {
  const started = performance.now()
  const lookup = validateSegmentRules(rules)
  const report = (done: number, phase: AnalysisPhase): void =>
    onProgress({ done, total: PROGRESS_TOTAL, phase })

  report(0, 'analysis.phase.reading')
  const { rfmRows, days, cohorts } = sqlite.transaction(() => readHistory(sqlite, parameters))()

  report(20, 'analysis.phase.scoring')
  const scores = scoreRfm(rfmRows, lookup)

  report(30, 'analysis.phase.fitting')
  const asOfDay = dayNumber(parameters.asOf)
  // the model inputs as columns, in one loop over the customers' purchase days (in customer order, which
  // the fit's groups and the predict loop's walk below follow)
  const n = days.size
  const ids = new Float64Array(n)
  const purchaseDays = new Int32Array(n)
  const firstDay = new Float64Array(n)
  const lastDay = new Float64Array(n)
  const columns = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    repeatMean: new Float64Array(n),
  }
  // the shop's usual gap takes every repeat customer, including those with two purchase days
  const gaps: number[] = []
  let at = 0
  for (const [id, d] of days) {
    // modelInput (model-input.ts) written into the columns, without an object per customer
    const x = d.purchaseDays - 1
    ids[at] = id
    purchaseDays[at] = d.purchaseDays
    firstDay[at] = d.firstDay
    lastDay[at] = d.lastDay
    columns.x[at] = x
    columns.tx[at] = (d.lastDay - d.firstDay) / MODEL_UNIT_DAYS
    columns.T[at] = (asOfDay - d.firstDay) / MODEL_UNIT_DAYS
    columns.repeatMean[at] = x > 0 ? d.repeatSpend / x : 0
    at++
    if (d.purchaseDays >= 2) gaps.push((d.lastDay - d.firstDay) / (d.purchaseDays - 1))
  }
  const { models, groups } = fitModelColumns(columns)
  const shopIntervalDays = shopInterval(gaps)

  report(45, 'analysis.phase.predicting')
  const clv: ClvOptions = {
    horizonDays: parameters.horizonDays,
    annualDiscountRate: parameters.annualDiscountRate,
    unitDays: MODEL_UNIT_DAYS,
  }
  // BG/NBD's forecasts once per (x, t_x, T) group; each customer reads their group's
  const bg = models.bgnbd?.params
  const forecasts =
    bg && groups ? forecastGroups(bg, groups, clv, CHURN_HORIZON_DAYS / MODEL_UNIT_DAYS) : null
  const groupOf = groups?.groupOf ?? null
  const gg = models.gammaGamma?.params ?? null
  const customers: ScoredCustomer[] = []
  let revenueSatang = 0
  let unpredicted = 0
  const dates = new Map<number, string>() // purchase dates repeat: a few hundred distinct days
  const dateOf = (day: number): string => {
    let date = dates.get(day)
    if (date === undefined) {
      date = dateOfDay(day)
      dates.set(day, date)
    }
    return date
  }
  // The scores and the purchase days come from one pass in customer order (history-pass.ts), the scored a
  // subset of the customers with purchase days, so a cursor finds each; a map only if that ever fails.
  let cursor = 0
  let byId: Map<number, number> | null = null
  const columnOf = (id: number): number => {
    if (byId === null) {
      while (cursor < n && ids[cursor] !== id) cursor++
      if (cursor < n) return cursor++
      byId = new Map()
      for (let k = 0; k < n; k++) byId.set(ids[k] as number, k)
    }
    const k = byId.get(id)
    // every scored customer has a sale on or before asOf, so this exists; guard anyway
    if (k === undefined) throw new Error(`customer ${id} has RFM scores but no purchase days`)
    return k
  }
  const step = Math.max(1, Math.floor(scores.length / 20))
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as RfmScore
    const j = columnOf(score.customerId)
    const x = columns.x[j] as number
    const first = firstDay[j] as number
    const last = lastDay[j] as number
    const days = purchaseDays[j] as number
    const spendBaht = gg
      ? expectedSpend(gg, x, Math.max(0, columns.repeatMean[j] as number))
      : models.spendFallback
    const usualIntervalDays = usualInterval(days, first, last)
    let pAlive: number | null = null
    let expected30: number | null = null
    let expected90: number | null = null
    let expected365: number | null = null
    let clvSatang: number | null = null
    let churnRisk: number | null
    if (forecasts && groupOf) {
      const g = groupOf[j] as number
      pAlive = forecasts.pAlive[g] as number
      churnRisk = forecasts.noPurchase[g] as number
      if (forecasts.failed[g]) unpredicted++
      else {
        expected30 = forecasts.expected30[g] as number
        expected90 = forecasts.expected90[g] as number
        expected365 = forecasts.expected365[g] as number
        clvSatang =
          spendBaht === null ? null : Math.round(spendBaht * (forecasts.discounted[g] as number) * 100)
      }
    } else {
      churnRisk = rhythmScore(overdueRatio(asOfDay - last, usualIntervalDays, shopIntervalDays))
    }
    // built field by field (no spreads): this runs once per customer
    customers.push({
      customerId: score.customerId,
      recencyDays: score.recencyDays,
      frequency: score.frequency,
      monetarySatang: score.monetarySatang,
      lastSale: score.lastSale,
      r: score.r,
      f: score.f,
      m: score.m,
      fm: score.fm,
      segmentIndex: score.segmentIndex,
      valueTier: score.valueTier,
      pAlive,
      expected30,
      expected90,
      expected365,
      expectedSpendSatang: spendBaht === null ? null : Math.round(spendBaht * 100),
      clvSatang,
      segment: rules.segments[score.segmentIndex]?.id ?? '',
      purchaseDays: days,
      firstPurchase: dateOf(first),
      lastPurchase: dateOf(last),
      usualIntervalDays,
      churnRisk,
      churnLevel: churnLevelOf(churnRisk),
    })
    revenueSatang += score.monetarySatang
    if (i % step === 0) report(45 + Math.floor((40 * i) / scores.length), 'analysis.phase.predicting')
  }

  const note =
    unpredicted === 0
      ? models.note
      : [
          models.note,
          `Expected purchases and CLV could not be computed for ${unpredicted} customer${unpredicted === 1 ? '' : 's'} (the model's hypergeometric series did not converge for them); they are left empty.`,
        ]
          .filter(Boolean)
          .join(' ')
  return {
    parameters,
    rules,
    customers,
    revenueSatang,
    models: { ...models, note },
    shopIntervalDays,
    cohorts,
    durationMs: Math.round(performance.now() - started),
  }
}

/** Runs kept: the newest KEEP_RECENT_RUNS, plus the newest of every as-of month for the long view. */
export const KEEP_RECENT_RUNS = 20

/**
 * Stores a computed run and its scores in one transaction and returns the run id; its 'analysis.phase.done'
 * progress says the run can be shown. The runs no longer kept are deleted after it (pruneRuns).
 */
export function saveAnalysis(
  sqlite: Sqlite,
  result: AnalysisResult,
  onProgress: OnProgress = () => undefined,
): number {
  onProgress({ done: 85, total: PROGRESS_TOTAL, phase: 'analysis.phase.saving' })
  const { parameters: p, models } = result
  const bg = models.bgnbd
  const gg = models.gammaGamma
  const insertRun = sqlite.prepare(
    `insert into analysis_runs (as_of, window_days, horizon_days, annual_discount_rate, customers, revenue_satang,
       bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, bgnbd_ll, gg_p, gg_q, gg_gamma, gg_ll, model_note,
       shop_interval_days, segment_rules, duration_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // analysis_scores has no foreign key to customers (migration 2026_12_01_600000): a customer deleted or merged
  // after the read (an import undone, a merge) would leave scores of no one, so the save checks, as the foreign
  // key's insert check did, through the primary key of customers (one seek per score)
  const scoredGone = sqlite.prepare(
    `select s.customer_id from analysis_scores s
      where s.run_id = ? and not exists (select 1 from customers c where c.id = s.customer_id) limit 1`,
  )
  const save = sqlite.transaction((): number => {
    const runId = Number(
      insertRun.run(
        p.asOf,
        p.windowDays,
        p.horizonDays,
        p.annualDiscountRate,
        result.customers.length,
        result.revenueSatang,
        bg?.params.r ?? null,
        bg?.params.alpha ?? null,
        bg?.params.a ?? null,
        bg?.params.b ?? null,
        bg?.logLikelihood ?? null,
        gg?.params.p ?? null,
        gg?.params.q ?? null,
        gg?.params.gamma ?? null,
        gg?.logLikelihood ?? null,
        models.note,
        result.shopIntervalDays,
        JSON.stringify(result.rules),
        result.durationMs,
      ).lastInsertRowid,
    )
    insertScores(sqlite, runId, result.customers)
    const gone = scoredGone.pluck().get(runId) as number | undefined
    if (gone !== undefined)
      throw new LukkhaError(
        'analysis_stale',
        `Customer ${gone} was deleted or merged while the analysis ran; nothing was stored. Run the analysis again.`,
      )
    saveCohorts(sqlite, runId, result.cohorts)
    return runId
  })
  // IMMEDIATE: take the write lock up front, so a concurrent writer waits (busy timeout) instead of failing late
  const runId = save.immediate()
  onProgress({ done: PROGRESS_TOTAL, total: PROGRESS_TOTAL, phase: 'analysis.phase.done' })
  return runId
}

/**
 * Deletes the runs no longer kept (with their scores and cohorts), in a transaction of its own: after a new
 * run is stored and shown, so a shop owner does not wait for it (at 100,000 customers it deletes 100,000
 * scores: ~0.25 s of CPU committed). Returns how many runs it deleted.
 */
export function pruneRuns(sqlite: Sqlite): number {
  const prune = sqlite.prepare(
    `delete from analysis_runs
      where id not in (select id from analysis_runs order by id desc limit ?)
        and id not in (select max(id) from analysis_runs group by substr(as_of, 1, 7))`,
  )
  return sqlite.transaction(() => prune.run(KEEP_RECENT_RUNS).changes).immediate()
}

/** Computes and stores a run, then prunes the old ones; returns its id. */
export function runAnalysis(
  sqlite: Sqlite,
  options: AnalysisOptions,
  rules: SegmentRules,
  onProgress?: OnProgress,
): number {
  const parameters = resolveParameters(sqlite, options)
  const runId = saveAnalysis(sqlite, computeAnalysis(sqlite, parameters, rules, onProgress), onProgress)
  pruneRuns(sqlite)
  ensureDashboardDays(sqlite) // the dashboard's stored days, when an import did not keep them current
  return runId
}
