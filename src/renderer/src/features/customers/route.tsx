import type { FeatureRoute } from '../../app/featureRoute'
import { CustomersPage } from './CustomersPage'

export const customersRoute: FeatureRoute = {
  id: 'customers',
  path: 'customers',
  element: <CustomersPage />,
  order: 20,
}
