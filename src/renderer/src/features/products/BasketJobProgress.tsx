import { Button, Card, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { JobSummary } from '../../../../shared/api/job-shape'
import type { BasketPhase } from '../../../../shared/api/products'
import { cancelJob } from '../../api/jobs'
import { useFormat } from '../../format/useFormat'

// The basket mining job's bar: its phase in words, items mined of all, and Cancel.

const PHASE_TEXT = {
  'baskets.phase.waiting': 'phase.waiting',
  'baskets.phase.reading': 'phase.reading',
  'baskets.phase.mining': 'phase.mining',
  'baskets.phase.done': 'phase.done',
  'baskets.phase.failed': 'phase.failed',
  'baskets.phase.cancelled': 'phase.cancelled',
} as const satisfies Record<BasketPhase, string>
const isPhase = (phase: string): phase is keyof typeof PHASE_TEXT => phase in PHASE_TEXT

export function BasketJobProgress(props: { job: JobSummary }): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const { job } = props
  const value = job.total ? (100 * job.done) / job.total : 0
  return (
    <Card withBorder padding="md" data-testid="rules-progress">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{t('job.title')}</Text>
          <Button
            size="xs"
            variant="default"
            data-testid="rules-cancel"
            onClick={() => void cancelJob(job.jobId)}
          >
            {t('job.cancel')}
          </Button>
        </Group>
        <Progress value={value} animated aria-label={t('job.title')} />
        <Text size="sm" c="dimmed" data-testid="rules-phase">
          {isPhase(job.phase) ? t(PHASE_TEXT[job.phase]) : ''}
          {job.total
            ? ` ${t('job.items', { done: fmt.number(job.done), total: fmt.number(job.total) })}`
            : ''}
        </Text>
      </Stack>
    </Card>
  )
}
