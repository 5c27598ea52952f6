import type { DateStyle, Language } from '../../../shared/api/settings'
import { formatDate, formatMonthLong } from '../../../shared/format/dates'
import { formatBaht, formatChange, formatNumber, formatPercent } from '../../../shared/format/money'

/**
 * Builds the formatters the dashboard's first frame uses (its dates, figures, baht and percents) in the
 * settings' language and date style, called by the entry when the settings answer arrives, while the page
 * still waits for (or evaluates) its code. The first Intl formatter of a locale and calendar loads ICU's data
 * (the Buddhist calendar's: 20-30 ms of the page's CPU); built here, the first frame's render finds it in
 * the same caches the screens use (src/shared/format) instead of building it in the middle of that render.
 */
export function warmFormats(settings: { language: Language; dateStyle: DateStyle }): void {
  const { language, dateStyle } = settings
  formatDate('2026-01-01', language, dateStyle)
  formatMonthLong('2026-01', language, dateStyle)
  formatNumber(0, language)
  formatBaht(0, language, true)
  formatPercent(0, language)
  formatChange(0, language)
}
