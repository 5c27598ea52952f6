import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const backupsRoute: FeatureRoute = {
  id: 'backups',
  path: 'backups',
  element: lazyPage(() => import('./BackupsPage'), 'BackupsPage'),
}
