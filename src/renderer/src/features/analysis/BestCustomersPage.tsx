import { AnalysisFrame } from './AnalysisFrame'
import { ValueView } from './ValueView'

/** My best customers: what customers are worth (predicted value, tiers) and every customer by value. */
export function BestCustomersPage(): React.JSX.Element {
  return (
    <AnalysisFrame page="bestCustomers">
      <ValueView />
    </AnalysisFrame>
  )
}
