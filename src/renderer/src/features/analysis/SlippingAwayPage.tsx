import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { PrintButton } from '../reports/PrintButton'
import { AnalysisFrame } from './AnalysisFrame'
import { CustomerListTable } from './CustomerListTable'
import { NoRunYet } from './NoRunYet'
import { useAnalysisRun } from './queries'

/**
 * Who is slipping away: every customer whose churn level is high or medium (high first, biggest spenders
 * first), with their contacts, to call, export or print as a call list.
 */
export function SlippingAwayPage(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const run = useAnalysisRun()
  return (
    <AnalysisFrame page="slipping">
      {run.isPending ? (
        <PageLoader />
      ) : run.isError ? (
        <ErrorNotice error={run.error} onRetry={() => void run.refetch()} />
      ) : !run.data ? (
        <NoRunYet />
      ) : (
        <CustomerListTable
          list="at_risk"
          exportTitle={t('pages.slipping.title')}
          testId="at-risk-customers"
          printButtons={
            <>
              <PrintButton request={{ report: 'value' }} />
              <PrintButton request={{ report: 'call-list', source: 'at_risk' }} label="callList" />
            </>
          }
        />
      )}
    </AnalysisFrame>
  )
}
