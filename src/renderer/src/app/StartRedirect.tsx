import { Navigate } from 'react-router'
import { useShopStatus } from '../api/system'
import { ErrorNotice } from '../components/ErrorNotice'
import { PageLoader } from '../components/PageLoader'

/** First screen: the welcome screen while the database is empty, the dashboard once it has data. */
export function StartRedirect(): React.JSX.Element {
  const status = useShopStatus()
  if (status.isPending) return <PageLoader />
  if (status.isError) return <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />
  return <Navigate to={status.data.empty ? '/welcome' : '/dashboard'} replace />
}
