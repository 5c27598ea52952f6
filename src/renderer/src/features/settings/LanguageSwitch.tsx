import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { languages, type Language } from '../../../../shared/api/setting-words'
import { useSettings, useUpdateSettings } from './queries'

// Each language is named in itself, so someone who cannot read the current one still finds theirs.
const ENDONYMS: Record<Language, string> = { th: 'ไทย', en: 'English' }

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value)

/** Switches the UI language at once and stores the choice in the database. */
export function LanguageSwitch(): React.JSX.Element {
  const { t } = useTranslation()
  const { data: settings } = useSettings()
  const update = useUpdateSettings()
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      data-untranslated
      value={settings?.language ?? 'th'}
      onChange={(value) => {
        if (isLanguage(value)) update.mutate({ language: value })
      }}
      data={languages.map((language) => ({ value: language, label: ENDONYMS[language] }))}
    />
  )
}
