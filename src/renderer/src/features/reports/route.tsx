import type { FeatureRoute } from '../../app/featureRoute'
import { ReportsPage } from './ReportsPage'

export const reportsRoute: FeatureRoute = {
  id: 'reports',
  path: 'reports',
  element: <ReportsPage />,
  order: 80,
}
