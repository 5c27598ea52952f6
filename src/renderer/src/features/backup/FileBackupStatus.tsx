import { Alert, Button, Card, Code, Group, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { cancelJob, useJob } from '../../api/jobs'
import { ErrorNotice } from '../../components/ErrorNotice'
import { megabytes, useBackupFormat } from './labels'

/**
 * A backup to a file the user chose, as it runs (progress, cancel) and once it has ended: where it was
 * saved, or why it could not be (a coded error in the UI's language); a cancel is said plainly.
 */
export function FileBackupStatus(props: { jobId: string }): React.JSX.Element {
  const { t } = useTranslation('backup')
  const fmt = useBackupFormat()
  const job = useJob(props.jobId, 'backup-file').data
  if (!job || job.state === 'running' || job.state === 'queued') {
    const total = job?.total ?? 0
    const percent = total ? fmt.percent((job?.done ?? 0) / total) : ''
    return (
      <Card withBorder padding="md" data-testid="file-backup-running">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Text size="sm">{t('file.saving', { percent })}</Text>
          <Button size="xs" variant="subtle" onClick={() => void cancelJob(props.jobId)}>
            {t('file.cancel')}
          </Button>
        </Group>
        <Progress value={total ? (100 * (job?.done ?? 0)) / total : 5} animated />
      </Card>
    )
  }
  if (job.state === 'cancelled') {
    return (
      <Alert color="gray" data-testid="file-backup-cancelled">
        {t('file.cancelled')}
      </Alert>
    )
  }
  if (job.state !== 'done' || !job.result) return <ErrorNotice error={job.error} />
  return (
    <Alert color="teal" title={t('file.savedTitle')} data-testid="file-backed-up">
      <Text size="sm">{t('file.savedText', { mb: megabytes(fmt, job.result.bytes) })}</Text>
      <Code block mt="xs" data-untranslated data-testid="file-backup-path">
        {job.result.path}
      </Code>
    </Alert>
  )
}
