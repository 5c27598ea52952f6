import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const reportsRoute: FeatureRoute = {
  id: 'reports',
  path: 'reports',
  element: lazyPage(() => import('./ReportsPage'), 'ReportsPage'),
}
