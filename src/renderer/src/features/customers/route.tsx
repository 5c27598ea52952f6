import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const customersRoute: FeatureRoute = {
  id: 'customers',
  path: 'customers',
  element: lazyPage(() => import('./CustomersPage'), 'CustomersPage'),
}
