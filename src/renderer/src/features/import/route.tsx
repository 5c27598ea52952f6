import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const importRoute: FeatureRoute = {
  id: 'import',
  path: 'import',
  element: lazyPage(() => import('./ImportPage'), 'ImportPage'),
}
