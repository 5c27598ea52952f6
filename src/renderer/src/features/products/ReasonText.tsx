import { Trans, useTranslation } from 'react-i18next'
import type { SuggestionReason } from '../../../../shared/api/products'
import { useFormat } from '../../format/useFormat'

// The shop's own product and category names stay as they are in any UI language: marked as data.
const components = { data: <span data-untranslated /> }

/** A suggestion's reason in words, in the user's language. */
export function ReasonText({ reason }: { reason: SuggestionReason }): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  if (reason.kind === 'rule') {
    return (
      <Trans
        t={t}
        i18nKey="suggestions.reasonRule"
        values={{
          items: reason.because.map((p) => p.name).join(' + '),
          confidence: fmt.percent(reason.confidence),
          lift: fmt.number(reason.lift, 1),
        }}
        components={components}
      />
    )
  }
  return (
    <Trans
      t={t}
      i18nKey="suggestions.reasonCategory"
      values={{ category: reason.category, count: fmt.number(reason.purchases) }}
      components={components}
    />
  )
}
