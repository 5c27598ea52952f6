import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const retentionRoute: FeatureRoute = {
  id: 'retention',
  path: 'retention',
  element: lazyPage(() => import('./RetentionPage'), 'RetentionPage'),
}

export const growthRoute: FeatureRoute = {
  id: 'growth',
  path: 'growth',
  element: lazyPage(() => import('./GrowthPage'), 'GrowthPage'),
}
