import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const productsRoute: FeatureRoute = {
  id: 'products',
  path: 'products',
  element: lazyPage(() => import('./ProductsPage'), 'ProductsPage'),
}
