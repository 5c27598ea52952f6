import { Button, Group, Stack, Tabs, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useSalesPeriod } from '../../api/salesPeriod'
import { FiguresAsOf, StaleDataNotice } from '../../components/FiguresAsOf'
import { PageHeader } from '../../components/PageHeader'
import { useFormat } from '../../format/useFormat'
import { AnalysisProgress } from './AnalysisProgress'
import { useRunAnalysis } from './analysisJob'
import { CohortsView } from './CohortsView'
import { useAnalysisRun } from './queries'
import { SegmentCustomersView } from './SegmentCustomersView'
import { SegmentRulesEditor } from './SegmentRulesEditor'
import { SegmentsView } from './SegmentsView'
import { ValueView } from './ValueView'

const VIEWS = ['segments', 'value', 'cohorts'] as const
type View = (typeof VIEWS)[number]
const isView = (v: string | null): v is View => VIEWS.some((view) => view === v)

/**
 * The analysis area: Segments, Value and Cohorts as tabs over one run (one as-of date, one Recalculate
 * button, one progress bar). The tab and the open segment live in the URL (?view=value, ?segment=loyal), so
 * the browser's back button and links work.
 */
export function AnalysisPage(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const [params, setParams] = useSearchParams()
  const run = useAnalysisRun()
  const analysis = useRunAnalysis()
  const period = useSalesPeriod()
  const viewParam = params.get('view')
  const view: View = isView(viewParam) ? viewParam : 'segments'
  const segment = params.get('segment')

  // A new view starts at its top, not where the last one was scrolled to (e.g. the last segment card)
  const show = (next: Record<string, string>): void => {
    setParams(next)
    window.scrollTo({ top: 0 })
  }

  // One as-of date for the page: the run's (the last sale's unless the user picked another, which reruns)
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
      t('subtitleNoRun')
    )
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        subtitle={subtitle}
        actions={
          run.data ? (
            <Group gap="sm" wrap="nowrap">
              <Button
                variant="default"
                onClick={() => show({ edit: 'rules' })}
                data-testid="edit-segment-rules"
              >
                {t('rules.edit')}
              </Button>
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
      <Tabs
        value={view}
        onChange={(next) => setParams(next && next !== 'segments' ? { view: next } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="segments">{t('tabs.segments')}</Tabs.Tab>
          <Tabs.Tab value="value">{t('tabs.value')}</Tabs.Tab>
          <Tabs.Tab value="cohorts">{t('tabs.cohorts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="segments">
          {params.get('edit') === 'rules' ? (
            <SegmentRulesEditor onClose={() => show({})} />
          ) : segment ? (
            <SegmentCustomersView key={segment} segmentId={segment} onBack={() => show({})} />
          ) : (
            <SegmentsView onOpenSegment={(id) => show({ segment: id })} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="value">
          <ValueView />
        </Tabs.Panel>
        <Tabs.Panel value="cohorts">
          <CohortsView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
