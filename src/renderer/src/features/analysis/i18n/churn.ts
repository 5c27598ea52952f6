import type { TFunction } from 'i18next'
import type { ChurnExplanation } from '../../../../../shared/api/analysis'

// The churn explanation in the UI language, built from the engine's structured facts (not its sentences),
// so numbers follow the app's formatting. Kept beside the text it phrases, free of React and the DOM, so a
// unit test can run it in Node.

type T = TFunction<'analysis'>

/** The part of useFormat() this needs. */
interface Format {
  number(value: number, maximumFractionDigits?: number): string
  percent(ratio: number): string
}

/** "1 day", "12 days", "12.5 days" / "12 วัน". */
export function daysText(t: T, fmt: Format, days: number): string {
  return days === 1 ? t('units.day', { n: fmt.number(1) }) : t('units.days', { n: fmt.number(days, 1) })
}

/** "today" or "45 days ago". */
export function agoText(t: T, fmt: Format, days: number): string {
  return days === 0 ? t('churn.today') : t('churn.ago', { days: daysText(t, fmt, days) })
}

/** The explanation as sentences, e.g. "Usually buys every 12 days; last seen 45 days ago." */
export function churnSentences(t: T, fmt: Format, churn: ChurnExplanation): string[] {
  const ago = agoText(t, fmt, churn.daysSinceLast)
  const out: string[] = []
  if (churn.kind === 'rhythm' && churn.usualIntervalDays !== null) {
    out.push(t('churn.rhythm', { interval: daysText(t, fmt, churn.usualIntervalDays), ago }))
  } else {
    out.push(t('churn.single', { ago }))
    if (churn.shopIntervalDays !== null) {
      out.push(t('churn.shopInterval', { interval: daysText(t, fmt, churn.shopIntervalDays) }))
    }
  }
  if (churn.overdueRatio !== null && churn.overdueRatio >= 1.5) {
    out.push(t('churn.overdue', { ratio: fmt.number(churn.overdueRatio, 1) }))
  }
  if (churn.pAlive !== null && churn.kind === 'rhythm') {
    out.push(t('churn.pAlive', { percent: fmt.percent(churn.pAlive) }))
  }
  return out
}
