import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

/** Satisfaction surveys (issue 12): analysis, service recovery, import, questions; counter mode and paper form. */
export const surveysRoute: FeatureRoute = {
  id: 'surveys',
  path: 'surveys',
  element: lazyPage(() => import('./SurveysPage'), 'SurveysPage'),
}
