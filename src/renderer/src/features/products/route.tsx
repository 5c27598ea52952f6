import type { FeatureRoute } from '../../app/featureRoute'
import { ProductsPage } from './ProductsPage'

export const productsRoute: FeatureRoute = {
  id: 'products',
  path: 'products',
  element: <ProductsPage />,
  order: 60,
}
