import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'
import { DashboardSkeleton } from './DashboardSkeleton'

export const dashboardRoute: FeatureRoute = {
  id: 'dashboard',
  path: 'dashboard',
  element: lazyPage(() => import('./DashboardPage'), 'DashboardPage', <DashboardSkeleton />),
  order: 10,
}
