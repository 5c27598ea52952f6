import type { ReactNode } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useHealth } from './queries'
import { RecoveryScreen } from './RecoveryScreen'

/** The app, or, when the start-up check found the database damaged, the recovery screen instead. */
export function HealthGate(props: { children: ReactNode }): React.JSX.Element {
  const health = useHealth()
  if (health.isPending) return <PageLoader />
  if (health.isError) return <ErrorNotice error={health.error} onRetry={() => void health.refetch()} />
  if (health.data.status === 'corrupt') return <RecoveryScreen latest={health.data.latestGoodBackup} />
  return <>{props.children}</>
}
