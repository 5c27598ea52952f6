import { useTranslation } from 'react-i18next'

/** An acquisition source's label: a known key in the user's language, anything else as the shop typed it. */
export function useSourceLabel(): (source: string) => string {
  const { t } = useTranslation('retention')
  return (source) => t(`sources.${source}` as 'sources.other', { defaultValue: source })
}
