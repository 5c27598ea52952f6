import { Card, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { analysisPhases, type AnalysisPhase } from '../../../../shared/api/analysis'
import { ApiCallError } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useRunAnalysis } from './analysisJob'

const isPhase = (phase: string): phase is AnalysisPhase =>
  (analysisPhases as readonly string[]).includes(phase)
const PHASE_TEXT = {
  'analysis.phase.waiting': 'phase.waiting',
  'analysis.phase.starting': 'phase.starting',
  'analysis.phase.reading': 'phase.reading',
  'analysis.phase.scoring': 'phase.scoring',
  'analysis.phase.fitting': 'phase.fitting',
  'analysis.phase.predicting': 'phase.predicting',
  'analysis.phase.saving': 'phase.saving',
  'analysis.phase.done': 'phase.done',
  'analysis.phase.failed': 'phase.failed',
} as const satisfies Record<AnalysisPhase, string>

/**
 * The running analysis as a bar and its current step, or why the last one failed; nothing otherwise.
 * Reusable wherever a run is started (see useRunAnalysis).
 */
export function AnalysisProgress(): React.JSX.Element | null {
  const { t } = useTranslation('analysis')
  const { job } = useRunAnalysis()
  if (!job) return null
  if (job.state === 'failed' && job.error) return <ErrorNotice error={new ApiCallError(job.error)} />
  if (job.state !== 'running' && job.state !== 'queued') return null
  const value = job.total ? (100 * job.done) / job.total : 0
  return (
    <Card withBorder padding="md" data-testid="analysis-progress">
      <Stack gap={6}>
        <Text fw={600}>{t('run.progress')}</Text>
        <Progress value={value} animated aria-label={t('run.progress')} />
        {isPhase(job.phase) && (
          <Text size="sm" c="dimmed">
            {t(PHASE_TEXT[job.phase])}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
