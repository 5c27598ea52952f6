import type { FeatureRoute } from '../../app/featureRoute'
import { ImportPage } from './ImportPage'

export const importRoute: FeatureRoute = {
  id: 'import',
  path: 'import',
  element: <ImportPage />,
  order: 30,
}
