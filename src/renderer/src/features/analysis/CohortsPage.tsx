import { AnalysisFrame } from './AnalysisFrame'
import { CohortsView } from './CohortsView'

/** The Cohorts page: how the customers who first bought in each month come back. */
export function CohortsPage(): React.JSX.Element {
  return (
    <AnalysisFrame page="cohorts">
      <CohortsView />
    </AnalysisFrame>
  )
}
