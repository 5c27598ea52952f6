import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const campaignsRoute: FeatureRoute = {
  id: 'campaigns',
  path: 'campaigns',
  element: lazyPage(() => import('./CampaignsPage'), 'CampaignsPage'),
}
