import { Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSalesPeriod } from '../../api/salesPeriod'
import { FiguresAsOf, StaleDataNotice } from '../../components/FiguresAsOf'
import { PageHeader } from '../../components/PageHeader'
import { useFormat } from '../../format/useFormat'
import { AnalysisProgress } from './AnalysisProgress'
import { useRunAnalysis } from './analysisJob'
import { useAnalysisRun } from './queries'

export type AnalysisPageId = 'segments' | 'bestCustomers' | 'slipping' | 'cohorts'

/**
 * The frame every analysis page shares (Segments, Best customers, Slipping away, Cohorts; each its own menu
 * entry): the page's title, one as-of date for all its figures (the run's: the last sale's unless the user
 * picked another, which reruns), a Recalculate button and the run's progress.
 */
export function AnalysisFrame(props: {
  page: AnalysisPageId
  /** Extra buttons beside Recalculate (e.g. the segment-rule editor). */
  actions?: ReactNode
  children: ReactNode
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const run = useAnalysisRun()
  const analysis = useRunAnalysis()
  const period = useSalesPeriod()
  const subtitle =
    run.data && period.data ? (
      <>
        <FiguresAsOf
          asOf={run.data.asOf}
          period={period.data}
          disabled={analysis.running}
          onPick={(date) => void analysis.start(date ? { asOf: date } : {})}
        />
        <Text size="sm" c="dimmed">
          {t('subtitleCustomers', { customers: fmt.number(run.data.customers) })}
        </Text>
      </>
    ) : (
      t(`pages.${props.page}.intro`)
    )
  return (
    <Stack gap="md">
      <PageHeader
        title={t(`pages.${props.page}.title`)}
        subtitle={subtitle}
        actions={
          run.data ? (
            <Group gap="sm" wrap="nowrap">
              {props.actions}
              <Button
                variant="default"
                loading={analysis.running}
                onClick={() => void analysis.start()}
                data-testid="analysis-recalculate"
              >
                {t('run.recalculate')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      {period.data && <StaleDataNotice period={period.data} />}
      <AnalysisProgress />
      {run.data && (
        <Text c="gray.7" maw={900} data-testid="analysis-page-intro">
          {t(`pages.${props.page}.intro`)}
        </Text>
      )}
      {props.children}
    </Stack>
  )
}
