import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useJob } from '../../api/jobs'
import { ErrorNotice } from '../../components/ErrorNotice'
import { takenAt, useBackupFormat } from './labels'

/** A restore job as it runs and once it has ended: where the data now stands, and its undo. */
export function RestoreStatus(props: {
  jobId: string
  onUndo: (undoPointId: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('backup')
  const fmt = useBackupFormat()
  const job = useJob(props.jobId, 'restore').data
  if (!job || job.state === 'running' || job.state === 'queued') {
    return (
      <Alert color="blue" data-testid="restore-running">
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{t('progress.restoring')}</Text>
        </Group>
      </Alert>
    )
  }
  if (job.state !== 'done' || !job.result) return <ErrorNotice error={job.error} />
  const r = job.result
  return (
    <Alert color="teal" title={t('restored.title')} data-testid="restored">
      <Text size="sm">{t('restored.text', { date: takenAt(fmt, r.restoredFrom) })}</Text>
      {r.erasuresReapplied > 0 && (
        <Text size="sm">{t('restored.erasures', { count: r.erasuresReapplied })}</Text>
      )}
      <Button size="xs" variant="light" mt="sm" onClick={() => props.onUndo(r.undoPointId)}>
        {t('restored.undo')}
      </Button>
    </Alert>
  )
}
