import { useTranslation } from 'react-i18next'
import type { CampaignSummary } from '../../../../shared/api/campaigns'
import { useFormat } from '../../format/useFormat'
import { useSegmentsOverview } from '../analysis/queries'
import { segmentNamer } from '../analysis/segmentText'

/** "Segment: At risk", "Saved filter: VIP", "Bought A, never B: A / B" in the user's language. */
export function useTargetLabel(): (target: CampaignSummary['target']) => string {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const overview = useSegmentsOverview()
  const segmentName = segmentNamer(overview.data?.segments ?? [], fmt.language)
  return (target) =>
    `${t(`targetKind.${target.kind}`)}: ${target.kind === 'segment' ? segmentName(target.label) : target.label}`
}
