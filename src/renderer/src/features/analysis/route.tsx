import type { FeatureRoute } from '../../app/featureRoute'
import { AnalysisPage } from './AnalysisPage'

/** The analysis area under the menu's "Segments" entry: Segments, Value and Cohorts tabs. */
export const analysisRoute: FeatureRoute = {
  id: 'segments',
  path: 'segments',
  element: <AnalysisPage />,
  order: 50,
}
