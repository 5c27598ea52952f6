import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportJob } from '../../../../shared/api/import'
import { useFormat } from '../../format/useFormat'
import { useCancelImport } from './queries'

const PHASES = ['checking', 'reading', 'finishing', 'done', 'cancelled', 'failed'] as const
type Phase = (typeof PHASES)[number]
const isPhase = (name: string): name is Phase => (PHASES as readonly string[]).includes(name)
const phaseOf = (key: string): Phase | null => {
  const name = key.replace('import.phase.', '')
  return isPhase(name) ? name : null
}

/** Step 3: the running import as a bar (bytes read of the file), its phase, and Cancel (which rolls back). */
export function RunningView(props: { job: ImportJob; fileName: string }): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const cancel = useCancelImport()
  // the job is kept current by its events (api/jobs.ts)
  const progress = props.job
  const ratio = progress.total ? Math.min(1, progress.done / progress.total) : 0
  const phase = phaseOf(progress.phase)
  return (
    <Card withBorder padding="xl" data-testid="import-running">
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={3}>{t('running.title')}</Title>
          <Text c="dimmed" data-untranslated>
            {props.fileName}
          </Text>
        </Stack>
        <Progress
          size="xl"
          value={100 * ratio}
          animated
          data-testid="import-progress"
          aria-label={t('running.percent', { percent: fmt.percent(ratio) })}
        />
        <Group justify="space-between">
          <Text>{phase ? t(`phase.${phase}`) : null}</Text>
          <Text fw={500}>{t('running.percent', { percent: fmt.percent(ratio) })}</Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('running.hint')}
          </Text>
          <Button
            variant="default"
            color="red"
            loading={cancel.isPending}
            disabled={cancel.isSuccess}
            onClick={() => cancel.mutate(props.job.jobId)}
          >
            {cancel.isSuccess ? t('running.cancelling') : t('running.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
