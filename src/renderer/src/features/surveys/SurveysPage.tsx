import { Button, Group, Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { useFormat } from '../../format/useFormat'
import { AnalysisView } from './AnalysisView'
import { CounterMode } from './CounterMode'
import { FollowUpsView } from './FollowUpsView'
import { ImportView } from './ImportView'
import { PaperForm } from './PaperForm'
import { useSurveyExportLabels } from './exportRequest'
import { useExportResponses, useSurveyAnalysis } from './queries'
import { TemplateView } from './TemplateView'

const VIEWS = ['analysis', 'followUps', 'import', 'template'] as const
type View = (typeof VIEWS)[number]
const isView = (v: string | null): v is View => VIEWS.some((view) => view === v)

/**
 * The surveys area. The tab lives in the URL (?view=followUps); counter mode (?mode=counter) and the paper
 * form (?mode=paper) cover the whole window.
 */
export function SurveysPage(): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const [params, setParams] = useSearchParams()
  const viewParam = params.get('view')
  const view: View = isView(viewParam) ? viewParam : 'analysis'
  const mode = params.get('mode')
  const analysis = useSurveyAnalysis(null, null)
  const exporter = useExportResponses()
  const exportLabels = useSurveyExportLabels()
  const setMode = (next: 'counter' | 'paper' | 'keyIn' | null) =>
    setParams((p) => {
      const out = new URLSearchParams(p)
      if (next) out.set('mode', next)
      else out.delete('mode')
      return out
    })

  if (mode === 'counter') return <CounterMode onClose={() => setMode(null)} />
  // paper forms keyed in afterwards: the same fast screen, channel paper, the form's date
  if (mode === 'keyIn') return <CounterMode channel="paper" onClose={() => setMode(null)} />
  if (mode === 'paper') return <PaperForm onClose={() => setMode(null)} onKeyIn={() => setMode('keyIn')} />
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        subtitle={
          analysis.data ? (
            <>
              {t('subtitle', { responses: fmt.number(analysis.data.responses) })}{' '}
              <span data-untranslated>“{analysis.data.survey.name}”</span>
            </>
          ) : undefined
        }
        actions={
          <Group gap="xs">
            <Button onClick={() => setMode('counter')} data-testid="surveys-counter">
              {t('actions.counter')}
            </Button>
            <Button variant="default" onClick={() => setMode('paper')} data-testid="surveys-paper">
              {t('actions.paper')}
            </Button>
            <Button
              variant="default"
              loading={exporter.isPending}
              onClick={() => exporter.mutate({ format: 'csv', ...exportLabels })}
              data-testid="surveys-export-csv"
            >
              {t('actions.exportCsv')}
            </Button>
            <Button
              variant="default"
              loading={exporter.isPending}
              onClick={() => exporter.mutate({ format: 'xlsx', ...exportLabels })}
              data-testid="surveys-export-xlsx"
            >
              {t('actions.exportXlsx')}
            </Button>
          </Group>
        }
      />
      <Tabs
        value={view}
        onChange={(next) => setParams(next && next !== 'analysis' ? { view: next } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {t(`tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="analysis">
          <AnalysisView />
        </Tabs.Panel>
        <Tabs.Panel value="followUps">
          <FollowUpsView />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportView />
        </Tabs.Panel>
        <Tabs.Panel value="template">
          <TemplateView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
