import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

/** The analysis area under the menu's "Segments" entry: Segments, Value and Cohorts tabs. */
export const analysisRoute: FeatureRoute = {
  id: 'segments',
  path: 'segments',
  element: lazyPage(() => import('./AnalysisPage'), 'AnalysisPage'),
  order: 50,
}
