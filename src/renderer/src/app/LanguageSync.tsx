import { Center } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../components/ErrorNotice'
import { PageLoader } from '../components/PageLoader'
import { useSettings } from '../features/settings/queries'
import { pageLanguage, setLanguage } from '../i18n'

/**
 * Renders the app in the settings' language and follows later changes, so no screen ever shows in the wrong
 * language first. The page is served in the settings' language (i18n/index.ts), so the app renders at once
 * in it while getSettings is on its way; `pending` is drawn while the language is unknown or its texts load.
 */
export function LanguageSync(props: { children: ReactNode; pending?: ReactNode }): React.JSX.Element {
  const settings = useSettings()
  const { i18n } = useTranslation()
  const language = settings.data?.language ?? (settings.isPending ? pageLanguage() : null)
  useEffect(() => {
    if (language) void setLanguage(language)
  }, [language])
  if (settings.isError) {
    return (
      <Center p="xl">
        <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      </Center>
    )
  }
  if (!language || i18n.language !== language) return <>{props.pending ?? <PageLoader />}</>
  return <>{props.children}</>
}
