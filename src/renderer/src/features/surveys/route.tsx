import type { FeatureRoute } from '../../app/featureRoute'
import { SurveysPage } from './SurveysPage'

/** Satisfaction surveys (issue 12): analysis, service recovery, import, questions; counter mode and paper form. */
export const surveysRoute: FeatureRoute = {
  id: 'surveys',
  path: 'surveys',
  element: <SurveysPage />,
  order: 40,
}
