import { Alert, Button, Card, Code, Group, Progress, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../shared/api/backup'
import { useLatestJob } from '../../api/jobs'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { PageLoader } from '../../components/PageLoader'
import { BACKUP_FOLDER, useBackupFormat } from './labels'
import { BackupList } from './BackupList'
import { FileBackupStatus } from './FileBackupStatus'
import { useBackups, useStartBackup, useStartFileBackup } from './queries'
import { RestoreDialog } from './RestoreDialog'
import { RestoreStatus } from './RestoreStatus'

/** Settings > Backups: the list (date in the setting's calendar, size), "back up now", restore with undo. */
export function BackupsPage(): React.JSX.Element {
  const { t } = useTranslation('backup')
  const fmt = useBackupFormat()
  const backups = useBackups()
  const start = useStartBackup()
  const job = useLatestJob('backup').data ?? null
  const [chosen, setChosen] = useState<BackupDto | null>(null)
  const [restoreJob, setRestoreJob] = useState<string | null>(null)
  const toFile = useStartFileBackup()
  const [fileJob, setFileJob] = useState<string | null>(null)
  const running = job?.state === 'running' || job?.state === 'queued'
  const percent = job?.total ? fmt.percent(job.done / job.total) : ''
  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button
              variant="light"
              loading={toFile.isPending}
              onClick={() =>
                toFile.mutate(undefined, { onSuccess: ({ jobId }) => jobId && setFileJob(jobId) })
              }
              data-testid="backup-to-file"
            >
              {t('page.backupToFile')}
            </Button>
            <Button
              loading={start.isPending}
              disabled={running}
              onClick={() => start.mutate()}
              data-testid="backup-now"
            >
              {t('page.backupNow')}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        {running && (
          <Card withBorder padding="md" data-testid="backup-running">
            <Text size="sm" mb="xs">
              {t('page.backingUp', { percent })}
            </Text>
            <Progress value={job.total ? (100 * job.done) / job.total : 5} animated />
          </Card>
        )}
        {job?.state === 'done' && !running && (
          <Alert color="teal" data-testid="backed-up">
            {t('page.backedUp')}
          </Alert>
        )}
        {job?.state === 'failed' && <ErrorNotice error={job.error} />}
        {start.isError && <ErrorNotice error={start.error} />}
        {toFile.isError && <ErrorNotice error={toFile.error} />}
        {fileJob && <FileBackupStatus key={fileJob} jobId={fileJob} />}
        {restoreJob && (
          <RestoreStatus
            jobId={restoreJob}
            onUndo={(id) => setChosen(backups.data?.find((b) => b.id === id) ?? null)}
          />
        )}
        <Card withBorder padding="lg">
          {backups.isPending && <PageLoader />}
          {backups.isError && <ErrorNotice error={backups.error} onRetry={() => void backups.refetch()} />}
          {backups.data && <BackupList backups={backups.data} onRestore={setChosen} disabled={running} />}
          <Text size="xs" c="dimmed" mt="md">
            {t('page.folderNote')} <Code data-untranslated>{BACKUP_FOLDER}</Code>
          </Text>
        </Card>
      </Stack>
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} onStarted={setRestoreJob} />
    </>
  )
}
