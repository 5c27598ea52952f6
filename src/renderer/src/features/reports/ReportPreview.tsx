import { Alert, Button, Group, Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReportRequest } from '../../../../shared/api/reports'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { PageLoader } from '../../components/PageLoader'
import { usePrintReport, useRenderedReport, useSaveReportPdf } from './queries'

/** mm → CSS px at 96 dpi: the preview frame is as wide as the A4 page. */
const MM = 96 / 25.4

/**
 * The report exactly as it prints: the page from main in a sandboxed frame (no script, its own styles), with
 * Print and Save as PDF; both ask main, which prints with the app's own Chromium.
 */
export function ReportPreview(props: { request: ReportRequest; onBack: () => void }): React.JSX.Element {
  const { t } = useTranslation('reports')
  const report = useRenderedReport(props.request)
  const save = useSaveReportPdf()
  const print = usePrintReport()
  if (report.isPending) return <PageLoader />
  if (report.isError) return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
  const width = Math.round((report.data.orientation === 'landscape' ? 297 : 210) * MM)
  return (
    <>
      <PageHeader
        title={report.data.title}
        subtitle={t('preview.title')}
        actions={
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={props.onBack}>
              {t('preview.back')}
            </Button>
            <Button variant="default" loading={print.isPending} onClick={() => print.mutate(props.request)}>
              {t('preview.print')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(props.request)}>
              {t('preview.savePdf')}
            </Button>
          </Group>
        }
      />
      {save.isSuccess && (
        <Alert color="teal" mb="md" data-testid="report-saved">
          {t('preview.saved', { fileName: save.data.fileName })}
        </Alert>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      {print.isError && <ErrorNotice error={print.error} />}
      <Paper withBorder shadow="sm" style={{ width, maxWidth: '100%', overflow: 'hidden' }}>
        <iframe
          title={t('preview.frame')}
          sandbox=""
          srcDoc={report.data.html}
          style={{
            width: '100%',
            height: 'calc(100vh - 200px)',
            border: 0,
            display: 'block',
            background: '#fff',
          }}
        />
      </Paper>
    </>
  )
}
