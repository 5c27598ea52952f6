import { bestCustomersRoute, cohortsRoute, segmentsRoute, slippingRoute } from '../features/analysis/route'
import { customersRoute } from '../features/customers/route'
import { dashboardRoute } from '../features/dashboard/route'
import { importRoute } from '../features/import/route'
import { reportsRoute } from '../features/reports/route'
import { settingsRoute } from '../features/settings/route'
import { surveysRoute } from '../features/surveys/route'
import { productsRoute } from '../features/products/route'
import { growthRoute, retentionRoute } from '../features/retention/route'
import { campaignsRoute } from '../features/campaigns/route'
import { backupsRoute } from '../features/backup/route'
import type { FeatureRoute } from './featureRoute'

/**
 * The route registry: every feature page of the main layout, one line each. Add a feature by writing
 * src/renderer/src/features/<name>/route.tsx, listing it here and placing its menu entry in menu.ts.
 */
export const featureRoutes: FeatureRoute[] = [
  dashboardRoute,
  importRoute,
  segmentsRoute,
  bestCustomersRoute,
  slippingRoute,
  cohortsRoute,
  reportsRoute,
  settingsRoute,
  customersRoute,
  surveysRoute,
  productsRoute,
  retentionRoute,
  growthRoute,
  campaignsRoute,
  backupsRoute,
]

export function findRoute(id: FeatureRoute['id']): FeatureRoute | undefined {
  return featureRoutes.find((route) => route.id === id)
}
