import { Center } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../components/ErrorNotice'
import { PageLoader } from '../components/PageLoader'
import { useSettings } from '../features/settings/queries'
import { setLanguage } from '../i18n'

/**
 * Renders the app once the settings are known, in their language, and follows later changes, so no screen
 * ever shows in the wrong language first.
 */
export function LanguageSync(props: { children: ReactNode }): React.JSX.Element {
  const settings = useSettings()
  const { i18n } = useTranslation()
  const language = settings.data?.language
  useEffect(() => {
    if (language) setLanguage(language)
  }, [language])
  if (settings.isError) {
    return (
      <Center p="xl">
        <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      </Center>
    )
  }
  if (!language || i18n.language !== language) return <PageLoader />
  return <>{props.children}</>
}
