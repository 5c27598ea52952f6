import { lazy, Suspense, type ReactNode } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useHealth } from './queries'

// The recovery screen (tables, dialogs) is only for a damaged database: its code loads only then.
const RecoveryScreen = lazy(() => import('./RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })))

/**
 * The app, or, when the start-up check found the database damaged, the recovery screen instead; `pending`
 * (the app's start frame) is drawn while the check's answer is on its way.
 */
export function HealthGate(props: { children: ReactNode; pending?: ReactNode }): React.JSX.Element {
  const health = useHealth()
  if (health.isPending) return <>{props.pending ?? <PageLoader />}</>
  if (health.isError) return <ErrorNotice error={health.error} onRetry={() => void health.refetch()} />
  if (health.data.status === 'corrupt') {
    return (
      <Suspense fallback={<PageLoader />}>
        <RecoveryScreen latest={health.data.latestGoodBackup} />
      </Suspense>
    )
  }
  return <>{props.children}</>
}
