import { Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '../reports/PrintButton'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { CohortMatrix } from './CohortMatrix'
import { NewVsReturningChart } from './NewVsReturningChart'
import { useCohorts } from './queries'

const RANGES = { last12: 12, all: null } as const
type Range = keyof typeof RANGES

/**
 * The Cohorts tab, for the last 12 months or all of them: the latest analysis snapshot's cohorts, as of its
 * date (computed live from the sales before the first run).
 */
export function CohortsView(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const [range, setRange] = useState<Range>('last12')
  const cohorts = useCohorts(RANGES[range])
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text c="dimmed">
          {cohorts.data?.asOf ? t('cohorts.asOf', { date: fmt.date(cohorts.data.asOf) }) : ''}
        </Text>
        <Group gap="sm">
          <PrintButton request={{ report: 'retention' }} />
          <SegmentedControl
            value={range}
            onChange={(next) => setRange(next === 'all' ? 'all' : 'last12')}
            aria-label={t('cohorts.range.label')}
            data={[
              { value: 'last12', label: t('cohorts.range.last12') },
              { value: 'all', label: t('cohorts.range.all') },
            ]}
          />
        </Group>
      </Group>
      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.isError ? (
        <ErrorNotice error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.cohorts.length === 0 ? (
        <Text c="dimmed">{t('cohorts.empty')}</Text>
      ) : (
        <>
          <CohortMatrix cohorts={cohorts.data.cohorts} />
          <NewVsReturningChart months={cohorts.data.newVsReturning} />
        </>
      )}
    </Stack>
  )
}
