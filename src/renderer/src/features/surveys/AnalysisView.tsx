import { Alert, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { AfterLevel } from './AfterLevel'
import { Breakdown } from './Breakdown'
import { CommentWords } from './CommentWords'
import { LevelBars } from './LevelBars'
import { PriorityTable } from './PriorityTable'
import { useSurveyAnalysis } from './queries'
import { PrintButton } from '../reports/PrintButton'

export function AnalysisView(): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const analysis = useSurveyAnalysis(null, null)
  if (analysis.isPending) return <PageLoader />
  if (analysis.isError) return <ErrorNotice error={analysis.error} onRetry={() => void analysis.refetch()} />
  const a = analysis.data
  if (a.responses === 0) return <Alert color="gray">{t('summary.empty')}</Alert>
  const o = a.overall
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <PrintButton request={{ report: 'satisfaction' }} testId="surveys-print" />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="lg">
          <Text c="dimmed" size="sm">
            {t('summary.responses')}
          </Text>
          <Text fz={32} fw={700} data-testid="surveys-responses">
            {fmt.number(a.responses)}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Group justify="space-between">
            <Text c="dimmed" size="sm">
              {t('summary.netDelight')}
            </Text>
            <Text c="dimmed" size="xs">
              {t('summary.netDelightHint')}
            </Text>
          </Group>
          <Text fz={32} fw={700} data-testid="surveys-net-delight">
            {o.netDelight === null ? '–' : fmt.percent(o.netDelight)}
          </Text>
          {o.low !== null && o.high !== null && (
            <Text size="sm" c="dimmed">
              {t('summary.interval', { low: fmt.percent(o.low), high: fmt.percent(o.high) })}
            </Text>
          )}
          {o.small && (
            <Text size="sm" c="yellow.8">
              {t('summary.small')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      {a.derivedOverall > 0 && (
        <Alert color="blue" variant="light">
          {t('summary.derived', { n: fmt.number(a.derivedOverall) })}
        </Alert>
      )}
      <PriorityTable aspects={a.aspects} />
      <LevelBars aspects={a.aspects} />
      <Breakdown analysis={a} />
      <AfterLevel analysis={a} />
      <CommentWords analysis={a} />
    </Stack>
  )
}
