import type { FeatureRoute } from '../../app/featureRoute'
import { DashboardPage } from './DashboardPage'

// The first screen: drawn with the app's code (one chunk, src/renderer/first-screen-chunks.ts), not as a lazy
// page: a lazy page suspends its first render even when its code is already loaded (one more pass and commit
// before the KPI cards).
export const dashboardRoute: FeatureRoute = {
  id: 'dashboard',
  path: 'dashboard',
  element: <DashboardPage />,
}
