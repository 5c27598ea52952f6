import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AnalysisFrame } from './AnalysisFrame'
import { SegmentCustomersView } from './SegmentCustomersView'
import { SegmentRulesEditor } from './SegmentRulesEditor'
import { SegmentsView } from './SegmentsView'

/**
 * The Segments page: the RFM grid and segment cards, one segment's customers (?segment=loyal) and the
 * segment-rule editor (?edit=rules). The open view lives in the URL, so back and links work.
 */
export function SegmentsPage(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const [params, setParams] = useSearchParams()
  const segment = params.get('segment')
  // A new view starts at its top, not where the last one was scrolled to (e.g. the last segment card)
  const show = (next: Record<string, string>): void => {
    setParams(next)
    window.scrollTo({ top: 0 })
  }
  return (
    <AnalysisFrame
      page="segments"
      actions={
        <Button variant="default" onClick={() => show({ edit: 'rules' })} data-testid="edit-segment-rules">
          {t('rules.edit')}
        </Button>
      }
    >
      {params.get('edit') === 'rules' ? (
        <SegmentRulesEditor onClose={() => show({})} />
      ) : segment ? (
        <SegmentCustomersView key={segment} segmentId={segment} onBack={() => show({})} />
      ) : (
        <SegmentsView onOpenSegment={(id) => show({ segment: id })} />
      )}
    </AnalysisFrame>
  )
}
