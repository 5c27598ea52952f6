import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const dashboardRoute: FeatureRoute = {
  id: 'dashboard',
  path: 'dashboard',
  element: lazyPage(() => import('./DashboardPage'), 'DashboardPage'),
  order: 10,
}
