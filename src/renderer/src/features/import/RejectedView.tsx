import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportJob, ImportSummaryDto } from '../../../../shared/api/import'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { IssueTable } from './IssueTable'
import { useDownloadRejected, useStartImport } from './queries'
import { setImportSession, type ChosenFile } from './session'

const LISTED = 200

/**
 * A file with rows that cannot be used: nothing is stored yet. The user fixes the file, or imports the valid
 * rows and keeps the rejected ones as a CSV.
 */
export function RejectedView(props: {
  job: ImportJob
  summary: ImportSummaryDto
  file: ChosenFile
  onFixFile: () => void
  onChangeSettings: () => void
}): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const start = useStartImport()
  const download = useDownloadRejected()
  const s = props.summary
  const valid = s.rowsRead - s.rowsRejected - s.rowsIgnored
  const importValid = (): void => {
    const { fileId, options } = props.file
    start.mutate(
      { fileId, options, validRowsOnly: true },
      { onSuccess: ({ jobId }) => setImportSession({ ...props.file, step: 'job', jobId }) },
    )
  }
  const shown = Math.min(LISTED, s.errors.length)
  return (
    <Stack gap="lg">
      <Alert color="red" title={t('summary.rejected')} data-testid="rejected-alert">
        <Text size="sm">
          {t('summary.rejectedText', {
            rejected: fmt.number(s.rowsRejected),
            read: fmt.number(s.rowsRead),
            valid: fmt.number(valid),
          })}
        </Text>
      </Alert>
      <Group>
        <Button onClick={importValid} loading={start.isPending} disabled={valid <= 0}>
          {t('summary.importValid', { valid: fmt.number(valid) })}
        </Button>
        {s.hasRejectedRows && (
          <Button
            variant="default"
            loading={download.isPending}
            onClick={() => download.mutate(props.job.jobId)}
          >
            {t('summary.downloadRejected')}
          </Button>
        )}
        <Button variant="default" onClick={props.onFixFile}>
          {t('summary.fixFile')}
        </Button>
        <Button variant="subtle" onClick={props.onChangeSettings}>
          {t('summary.changeSettings')}
        </Button>
      </Group>
      {start.isError && <ErrorNotice error={start.error} />}
      {download.isError && <ErrorNotice error={download.error} />}
      <Card withBorder padding="lg">
        <Title order={3} mb="sm">
          {t('errors.title')}
        </Title>
        {shown < s.rowsRejected && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('errors.shown', { shown })}
          </Text>
        )}
        <IssueTable issues={s.errors.slice(0, LISTED)} testId="import-errors" />
      </Card>
    </Stack>
  )
}
