import { Grid, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { PageLoader } from '../../components/PageLoader'
import { DisplaySettings } from './DisplaySettings'
import { LogoField } from './LogoField'
import { useSettings } from './queries'
import { ShopForm } from './ShopForm'

export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const settings = useSettings()
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {settings.isPending && <PageLoader />}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Grid gap="lg">
          <Grid.Col span={7}>
            <ShopForm settings={settings.data} />
          </Grid.Col>
          <Grid.Col span={5}>
            <Stack gap="lg">
              <DisplaySettings settings={settings.data} />
              <LogoField settings={settings.data} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  )
}
