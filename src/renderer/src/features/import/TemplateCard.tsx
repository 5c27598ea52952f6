import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDownloadTemplate } from './queries'

/** The native "Lukkha sales CSV" for shops whose POS exports nothing usable: fill it in and import it. */
export function TemplateCard(): React.JSX.Element {
  const { t } = useTranslation('import')
  const download = useDownloadTemplate()
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" wrap="nowrap" gap="lg">
        <Stack gap={4}>
          <Title order={4}>{t('template.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('template.text')}
          </Text>
        </Stack>
        <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
          {t('template.download')}
        </Button>
      </Group>
      {download.isError && <ErrorNotice error={download.error} />}
    </Card>
  )
}
