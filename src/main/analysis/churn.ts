import type { ChurnExplanation, ChurnLevel } from '../../shared/api/analysis'
import { pAlive, type BgNbdParams } from './bgnbd'

// One churn score, and the level derived from it (README.md, "Churn score and level").
//
// The score is the chance that the customer buys nothing in the next CHURN_HORIZON_DAYS days, by BG/NBD:
// P(no purchase in (T, T+h]) = (1 - P(alive)) + P(alive) * ((α+T) / (α+T+h))^(r+x). It weighs both things the
// model knows: whether the customer is still a customer at all, and how often a live customer of their kind
// buys. Unlike 1 - P(alive) (always 0 for a one-time buyer, whom BG/NBD never lets drop out) it ranks every
// customer, and on CDNOW's 39-week hold-out the share who buy again falls steadily as it rises
// (test/analysis/churn-calibration.test.ts).
//
// Without a fitted model (too little history), the score falls back to the customer's rhythm: how late they
// are against their usual gap (their own with three or more purchase days, else the shop's median), as
// score = 1 - 0.3^(ratio / 1.5): medium from 1.5 gaps late, high from about 2.9; with no gap to measure
// against it is null and the level is low. That score is not a probability, so the explanation then states
// no chance (the explanation knows it by P(alive), which is null exactly when there is no model).
//
// The level is the score cut at fixed thresholds: high from 0.9, medium from 0.7, low below.

export const CHURN_HORIZON_DAYS = 90
export const CHURN_THRESHOLDS = { high: 0.9, medium: 0.7 } as const
/** A customer's own rhythm needs this many purchase days (two give one gap, which is not a rhythm). */
export const MIN_PURCHASE_DAYS_FOR_RHYTHM = 3

export interface ChurnFacts {
  /** The stored churn score (see churnScore); null when there is no yardstick at all. */
  risk: number | null
  pAlive: number | null
  purchaseDays: number
  /** The customer's own usual gap; null with fewer than MIN_PURCHASE_DAYS_FOR_RHYTHM purchase days. */
  usualIntervalDays: number | null
  daysSinceLast: number
  lastPurchase: string
  shopIntervalDays: number | null
}

/** The level derived from the score. */
export function churnLevelOf(risk: number | null): ChurnLevel {
  if (risk === null) return 'low'
  return risk >= CHURN_THRESHOLDS.high ? 'high' : risk >= CHURN_THRESHOLDS.medium ? 'medium' : 'low'
}

/** BG/NBD's chance of no purchase in the next t time units, for a customer with (x, t_x, T). */
export function probabilityNoPurchase(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const alive = pAlive(params, x, tx, T)
  const quiet = Math.exp((params.r + x) * Math.log((params.alpha + T) / (params.alpha + T + t)))
  return 1 - alive + alive * quiet
}

/** The customer's own average gap between purchase days, once there are enough of them to call it a rhythm. */
export function usualInterval(purchaseDays: number, firstDay: number, lastDay: number): number | null {
  return purchaseDays >= MIN_PURCHASE_DAYS_FOR_RHYTHM ? (lastDay - firstDay) / (purchaseDays - 1) : null
}

/** The gap a customer is measured against: their own rhythm, else the shop's usual gap. */
function yardstick(usualIntervalDays: number | null, shopIntervalDays: number | null): number | null {
  const gap = usualIntervalDays ?? shopIntervalDays
  return gap !== null && gap > 0 ? gap : null
}

/** Days since the last purchase divided by the yardstick gap; null without one. */
export function overdueRatio(
  daysSinceLast: number,
  usualIntervalDays: number | null,
  shopIntervalDays: number | null,
): number | null {
  const gap = yardstick(usualIntervalDays, shopIntervalDays)
  return gap === null ? null : daysSinceLast / gap
}

/** The fallback score without a fitted model: 1 - 0.3^(ratio / 1.5) (ratio 1.5 -> 0.7, 3 -> 0.91). */
export function rhythmScore(ratio: number | null): number | null {
  return ratio === null ? null : 1 - Math.pow(0.3, ratio / 1.5)
}

/** Median gap between purchase days over the shop's repeat customers (null when nobody bought twice). */
export function shopInterval(intervals: (number | null)[]): number | null {
  // a typed array sorts numbers natively (no comparator call per pair: 66,000 gaps at 100k customers)
  const values = Float64Array.from(intervals.filter((v): v is number => v !== null)).sort()
  if (values.length === 0) return null
  const mid = values.length >> 1
  return values.length % 2 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))
const daysEn = (n: number): string => `${num(n)} ${n === 1 ? 'day' : 'days'}`
const percent = (p: number): string => `${Math.round(p * 100)}%`

export type ChurnKind = ChurnExplanation['kind']

export function churnKind(purchaseDays: number): ChurnKind {
  return purchaseDays >= MIN_PURCHASE_DAYS_FOR_RHYTHM
    ? 'rhythm'
    : purchaseDays === 2
      ? 'rhythm_unknown'
      : 'single_purchase'
}

/**
 * Whether to say "that is N times the usual gap": only when the customer is clearly late (1.5 gaps or more)
 * and the level agrees (medium or high), so the sentences never contradict the level they explain.
 */
export function showOverdue(level: ChurnLevel, ratio: number | null): ratio is number {
  return ratio !== null && ratio >= 1.5 && level !== 'low'
}

function sentences(e: Omit<ChurnExplanation, 'text'>): { th: string; en: string } {
  const en: string[] = []
  const th: string[] = []
  const ago = e.daysSinceLast
  const agoEn = ago === 0 ? 'today' : `${daysEn(ago)} ago`
  const agoTh = ago === 0 ? 'วันนี้' : `เมื่อ ${ago} วันก่อน`
  if (e.kind === 'rhythm' && e.usualIntervalDays !== null) {
    en.push(`Usually buys every ${daysEn(e.usualIntervalDays)}; last seen ${agoEn}`)
    th.push(`ปกติซื้อทุก ${num(e.usualIntervalDays)} วัน มาครั้งล่าสุด${agoTh}`)
  } else if (e.kind === 'rhythm_unknown') {
    en.push(
      `Bought on ${e.purchaseDays} separate days, the last ${agoEn}; too few purchases to know their rhythm yet`,
    )
    th.push(`ซื้อมาแล้ว ${e.purchaseDays} ครั้ง ครั้งล่าสุด${agoTh} ยังซื้อน้อยเกินกว่าจะบอกได้ว่าปกติซื้อบ่อยแค่ไหน`)
  } else {
    en.push(`Bought once, ${agoEn}`)
    th.push(`ซื้อเพียงครั้งเดียว${agoTh}`)
  }
  if (e.kind !== 'rhythm' && e.shopIntervalDays !== null) {
    en.push(`customers here usually come back within ${daysEn(e.shopIntervalDays)}`)
    th.push(`ลูกค้าของร้านมักกลับมาซื้อภายใน ${num(e.shopIntervalDays)} วัน`)
  }
  if (showOverdue(e.level, e.overdueRatio)) {
    en.push(`that is ${e.overdueRatio.toFixed(1)} times the usual gap`)
    th.push(`นานกว่าปกติ ${e.overdueRatio.toFixed(1)} เท่า`)
  }
  let textEn = `${en.join('; ')}.`
  let textTh = th.join(' ')
  if (e.risk !== null && e.pAlive !== null) {
    textEn += ` Chance of buying again in the next ${e.horizonDays} days: ${percent(1 - e.risk)}.`
    textTh += ` โอกาสที่จะกลับมาซื้อภายใน ${e.horizonDays} วันข้างหน้า ${percent(1 - e.risk)}`
  }
  return { th: textTh, en: textEn }
}

/** The structured explanation of a stored score (the UI formats it through i18n), and the same in sentences. */
export function explainChurn(facts: ChurnFacts): ChurnExplanation {
  const kind = churnKind(facts.purchaseDays)
  const usualIntervalDays = kind === 'rhythm' ? facts.usualIntervalDays : null
  const base = {
    level: churnLevelOf(facts.risk),
    risk: facts.risk,
    horizonDays: CHURN_HORIZON_DAYS,
    pAlive: facts.pAlive,
    kind,
    purchaseDays: facts.purchaseDays,
    usualIntervalDays,
    daysSinceLast: facts.daysSinceLast,
    lastPurchase: facts.lastPurchase,
    shopIntervalDays: facts.shopIntervalDays,
    overdueRatio: overdueRatio(facts.daysSinceLast, usualIntervalDays, facts.shopIntervalDays),
  }
  return { ...base, text: sentences(base) }
}
