import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { ImportStepper } from './ImportStepper'
import { ImportSummary } from './ImportSummary'
import { useDiscardFile, useImportJob } from './queries'
import { RejectedView } from './RejectedView'
import { RunningView } from './RunningView'
import { setImportSession, type ChosenFile } from './session'

/** Steps 3 and 4: the job while it runs, then what came of it. */
export function JobStep(props: { job: ChosenFile & { jobId: string } }): React.JSX.Element {
  const { t } = useTranslation('import')
  const navigate = useNavigate()
  const session = props.job
  const job = useImportJob(session.jobId)
  const discard = useDiscardFile()

  const finish = (): void => {
    discard.mutate(session.fileId)
    setImportSession({ step: 'choose' })
  }
  const backToPreview = (): void => {
    const { jobId: _job, ...file } = session
    setImportSession({ ...file, step: 'preview' })
  }
  const goTo = (path: string): void => {
    finish()
    void navigate(path)
  }
  // Where a shop owner goes after an import: their customers, the best of them, or the dashboard
  const leave = (
    <Group>
      <Button color="teal.9" onClick={() => goTo('/customers')} data-testid="import-see-customers">
        {t('summary.customers')}
      </Button>
      <Button variant="default" onClick={() => goTo('/best-customers')} data-testid="import-see-best">
        {t('summary.bestCustomers')}
      </Button>
      <Button variant="default" onClick={() => goTo('/dashboard')}>
        {t('summary.dashboard')}
      </Button>
      <Button variant="subtle" onClick={finish}>
        {t('summary.another')}
      </Button>
    </Group>
  )

  if (job.isError) {
    return (
      <Stack gap="lg">
        <ImportStepper active={2} />
        <ErrorNotice error={job.error} />
        {leave}
      </Stack>
    )
  }
  if (!job.data) return <PageLoader />
  const j = job.data
  if (j.state === 'running' || j.state === 'queued') {
    return (
      <Stack gap="lg">
        <ImportStepper active={2} />
        <RunningView job={j} fileName={session.fileName} />
      </Stack>
    )
  }
  return (
    <Stack gap="lg" data-testid={`import-result-${j.state}`}>
      <ImportStepper active={3} />
      {j.state === 'done' && j.result && <ImportSummary job={j} summary={j.result} actions={leave} />}
      {j.state === 'failed' && j.result && (
        <RejectedView
          job={j}
          summary={j.result}
          file={session}
          onFixFile={finish}
          onChangeSettings={backToPreview}
        />
      )}
      {j.state === 'cancelled' && (
        <>
          <Alert color="gray" title={t('summary.cancelled')}>
            <Text size="sm" fw={600} data-untranslated>
              {session.fileName}
            </Text>
            <Text size="sm">{t('summary.cancelledText')}</Text>
          </Alert>
          <Group>
            <Button onClick={backToPreview}>{t('summary.changeSettings')}</Button>
            {leave}
          </Group>
        </>
      )}
      {j.state === 'failed' && !j.result && (
        <>
          <ErrorNotice error={j.error ?? { code: 'internal', message: '' }} />
          <Group>
            <Button onClick={backToPreview}>{t('summary.changeSettings')}</Button>
            {leave}
          </Group>
        </>
      )}
    </Stack>
  )
}
