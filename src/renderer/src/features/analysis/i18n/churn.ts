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

/**
 * The explanation as sentences, e.g. "Usually buys every 12 days; last seen 45 days ago." Mirrors the
 * engine's own wording (src/main/analysis/churn.ts): a rhythm only from three purchase days, "N times the
 * usual gap" only when the level agrees, and the chance of buying again that the level is derived from.
 */
export function churnSentences(t: T, fmt: Format, churn: ChurnExplanation): string[] {
  const ago = agoText(t, fmt, churn.daysSinceLast)
  const out: string[] = []
  if (churn.kind === 'rhythm' && churn.usualIntervalDays !== null) {
    out.push(t('churn.rhythm', { interval: daysText(t, fmt, churn.usualIntervalDays), ago }))
  } else {
    if (churn.kind === 'rhythm_unknown') {
      out.push(t('churn.rhythmUnknown', { count: fmt.number(churn.purchaseDays), ago }))
    } else {
      out.push(t('churn.single', { ago }))
    }
    if (churn.shopIntervalDays !== null) {
      out.push(t('churn.shopInterval', { interval: daysText(t, fmt, churn.shopIntervalDays) }))
    }
  }
  if (churn.overdueRatio !== null && churn.overdueRatio >= 1.5 && churn.level !== 'low') {
    out.push(t('churn.overdue', { ratio: fmt.number(churn.overdueRatio, 1) }))
  }
  // the score is a chance only when it comes from the model (P(alive) is null exactly when there is none)
  if (churn.risk !== null && churn.pAlive !== null) {
    out.push(
      t('churn.buyAgain', {
        days: daysText(t, fmt, churn.horizonDays),
        percent: fmt.percent(1 - churn.risk),
      }),
    )
  }
  return out
}
