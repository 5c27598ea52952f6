import type { TFunction } from 'i18next'
import type { SuggestionReason } from '../../../../shared/api/products'
import type { Format } from '../../format/useFormat'

/** A suggestion's reason in words, in the user's language. */
export function reasonText(reason: SuggestionReason, t: TFunction<'products'>, fmt: Format): string {
  if (reason.kind === 'rule') {
    return t('suggestions.reasonRule', {
      items: reason.because.map((p) => p.name).join(' + '),
      confidence: fmt.percent(reason.confidence),
      lift: fmt.number(reason.lift, 1),
    })
  }
  return t('suggestions.reasonCategory', { category: reason.category, count: fmt.number(reason.purchases) })
}
