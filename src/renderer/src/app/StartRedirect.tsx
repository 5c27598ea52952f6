import { Navigate } from 'react-router'
import { useStats } from '../api/system'
import { ErrorNotice } from '../components/ErrorNotice'
import { PageLoader } from '../components/PageLoader'

/** First screen: the welcome screen while the database is empty, the dashboard once it has data. */
export function StartRedirect(): React.JSX.Element {
  const stats = useStats()
  if (stats.isPending) return <PageLoader />
  if (stats.isError) return <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />
  const empty = stats.data.customers === 0 && stats.data.receipts === 0
  return <Navigate to={empty ? '/welcome' : '/dashboard'} replace />
}
