import type { ChurnExplanation, ChurnLevel } from '../../shared/api/analysis'

// Churn risk from two views of the same customer: BG/NBD's P(alive), and the customer's own rhythm (their
// average gap between purchase days; for a one-time buyer, the shop's usual gap). BG/NBD gives every one-time
// buyer P(alive) = 1 (it lets customers drop out only after a repeat purchase), so the rhythm is what flags a
// one-time buyer who never came back.
//
// Level: high when P(alive) < 0.3 or the customer is 3 or more usual gaps late; medium when P(alive) < 0.6
// or 1.5 or more gaps late; low otherwise.

export const CHURN_THRESHOLDS = {
  highPAlive: 0.3,
  mediumPAlive: 0.6,
  highOverdue: 3,
  mediumOverdue: 1.5,
} as const

export interface ChurnFacts {
  pAlive: number | null
  purchaseDays: number
  usualIntervalDays: number | null
  daysSinceLast: number
  lastPurchase: string
  shopIntervalDays: number | null
}

/** The customer's own average gap between purchase days: (last - first) / (purchase days - 1). */
export function usualInterval(purchaseDays: number, firstDay: number, lastDay: number): number | null {
  return purchaseDays >= 2 ? (lastDay - firstDay) / (purchaseDays - 1) : null
}

export function overdueRatio(facts: ChurnFacts): number | null {
  const interval = facts.purchaseDays >= 2 ? facts.usualIntervalDays : facts.shopIntervalDays
  if (interval === null || !(interval > 0)) return null
  return facts.daysSinceLast / interval
}

export function churnLevel(facts: ChurnFacts): ChurnLevel {
  const ratio = overdueRatio(facts)
  const p = facts.pAlive
  if (
    (p !== null && p < CHURN_THRESHOLDS.highPAlive) ||
    (ratio !== null && ratio >= CHURN_THRESHOLDS.highOverdue)
  ) {
    return 'high'
  }
  if (
    (p !== null && p < CHURN_THRESHOLDS.mediumPAlive) ||
    (ratio !== null && ratio >= CHURN_THRESHOLDS.mediumOverdue)
  ) {
    return 'medium'
  }
  return 'low'
}

/** Median of the customers' usual intervals (null when nobody has bought twice). */
export function shopInterval(intervals: (number | null)[]): number | null {
  const values = intervals.filter((v): v is number => v !== null).sort((a, b) => a - b)
  if (values.length === 0) return null
  const mid = values.length >> 1
  return values.length % 2 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))
const daysEn = (n: number): string => `${num(n)} ${n === 1 ? 'day' : 'days'}`
const percent = (p: number): string => `${Math.round(p * 100)}%`

function sentences(facts: ChurnFacts, ratio: number | null): { th: string; en: string } {
  const en: string[] = []
  const th: string[] = []
  const ago = facts.daysSinceLast
  if (facts.purchaseDays >= 2 && facts.usualIntervalDays !== null) {
    en.push(
      `Usually buys every ${daysEn(facts.usualIntervalDays)}; last seen ${ago === 0 ? 'today' : `${daysEn(ago)} ago`}`,
    )
    th.push(`ปกติซื้อทุก ${num(facts.usualIntervalDays)} วัน มาครั้งล่าสุด${ago === 0 ? 'วันนี้' : `เมื่อ ${ago} วันก่อน`}`)
  } else {
    en.push(`Bought once, ${ago === 0 ? 'today' : `${daysEn(ago)} ago`}`)
    th.push(`ซื้อเพียงครั้งเดียว${ago === 0 ? 'วันนี้' : `เมื่อ ${ago} วันก่อน`}`)
    if (facts.shopIntervalDays !== null) {
      en.push(`customers here usually come back within ${daysEn(facts.shopIntervalDays)}`)
      th.push(`ลูกค้าของร้านมักกลับมาซื้อภายใน ${num(facts.shopIntervalDays)} วัน`)
    }
  }
  if (ratio !== null && ratio >= 1.5) {
    en.push(`that is ${ratio.toFixed(1)} times the usual gap`)
    th.push(`นานกว่าปกติ ${ratio.toFixed(1)} เท่า`)
  }
  let textEn = `${en.join('; ')}.`
  let textTh = th.join(' ')
  if (facts.pAlive !== null && facts.purchaseDays >= 2) {
    textEn += ` Chance still active: ${percent(facts.pAlive)}.`
    textTh += ` โอกาสที่ยังเป็นลูกค้าอยู่ ${percent(facts.pAlive)}`
  }
  return { th: textTh, en: textEn }
}

/** The structured explanation (the UI formats it through i18n) and the same in sentences. */
export function explainChurn(facts: ChurnFacts): ChurnExplanation {
  const ratio = overdueRatio(facts)
  return {
    level: churnLevel(facts),
    risk: facts.pAlive === null ? null : 1 - facts.pAlive,
    pAlive: facts.pAlive,
    kind: facts.purchaseDays >= 2 ? 'rhythm' : 'single_purchase',
    purchaseDays: facts.purchaseDays,
    usualIntervalDays: facts.usualIntervalDays,
    daysSinceLast: facts.daysSinceLast,
    lastPurchase: facts.lastPurchase,
    shopIntervalDays: facts.shopIntervalDays,
    overdueRatio: ratio,
    text: sentences(facts, ratio),
  }
}
