import type { FeatureRoute } from '../../app/featureRoute'
import { DashboardPage } from './DashboardPage'

export const dashboardRoute: FeatureRoute = {
  id: 'dashboard',
  path: 'dashboard',
  element: <DashboardPage />,
  order: 10,
}
