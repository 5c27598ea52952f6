import { Alert, Button, Card, Group, Progress, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { surveyImportPhases } from '../../../../shared/api/surveys'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { useCancelSurveyImport, useSurveyImportJob } from './queries'

type Phase = (typeof surveyImportPhases)[number]
const isPhase = (phase: string): phase is Phase => (surveyImportPhases as readonly string[]).includes(phase)
const PHASE_TEXT = {
  'survey-import.phase.reading': 'import.phase.reading',
  'survey-import.phase.checking': 'import.phase.checking',
  'survey-import.phase.writing': 'import.phase.writing',
} as const satisfies Record<Phase, string>

/** The import of an answers file as a job: its bar, phase and Cancel while it runs; its outcome after. */
export function ImportJobView(props: { jobId: string }): React.JSX.Element | null {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const job = useSurveyImportJob(props.jobId)
  const cancel = useCancelSurveyImport()
  if (job.isError) return <ErrorNotice error={job.error} />
  const data = job.data
  if (!data) return null
  if (data.state === 'running' || data.state === 'queued') {
    const ratio = data.total ? Math.min(1, data.done / data.total) : 0
    return (
      <Card withBorder padding="lg" data-testid="surveys-import-running">
        <Stack gap="xs">
          <Progress value={100 * ratio} animated aria-label={t('import.running')} />
          <Group justify="space-between">
            <Text size="sm">{isPhase(data.phase) ? t(PHASE_TEXT[data.phase]) : t('import.running')}</Text>
            <Button
              variant="default"
              color="red"
              loading={cancel.isPending}
              disabled={cancel.isSuccess}
              onClick={() => cancel.mutate(props.jobId)}
            >
              {t('import.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    )
  }
  if (data.state === 'cancelled') {
    return (
      <Alert color="yellow" data-testid="surveys-import-cancelled">
        {t('import.cancelled')}
      </Alert>
    )
  }
  const result = data.result
  if (data.state === 'done' && result) {
    return (
      <Alert color="green" data-testid="surveys-import-done">
        {t('import.done', {
          n: fmt.number(result.responsesAdded),
          followUps: fmt.number(result.followUpsCreated),
        })}
        {result.duplicatesSkipped > 0 && (
          <Text size="sm" mt={4} data-testid="surveys-import-duplicates">
            {t('import.duplicates', { n: fmt.number(result.duplicatesSkipped) })}
          </Text>
        )}
      </Alert>
    )
  }
  if (!result) return data.error ? <ErrorNotice error={data.error} /> : null
  return (
    <Alert
      color="red"
      data-testid="surveys-import-rejected"
      title={t('import.rejected', { file: result.fileName, n: fmt.number(result.errorCount) })}
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.file')}</Table.Th>
            <Table.Th>{t('import.row')}</Table.Th>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.value')}</Table.Th>
            <Table.Th>{t('import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.errors.slice(0, 50).map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td data-untranslated>{e.file}</Table.Td>
              <Table.Td>{fmt.number(e.row)}</Table.Td>
              <Table.Td data-untranslated>{e.column}</Table.Td>
              <Table.Td data-untranslated>{e.value}</Table.Td>
              <Table.Td>{t(`import.reasons.${e.reason}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  )
}
