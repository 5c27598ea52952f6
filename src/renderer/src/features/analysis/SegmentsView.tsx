import { Stack } from '@mantine/core'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { NoRunYet } from './NoRunYet'
import { useSegmentsOverview } from './queries'
import { RfmGrid } from './RfmGrid'
import { SegmentCards } from './SegmentCards'

/** The Segments tab: the RFM grid as a heatmap and a card per segment; both open a segment's customers. */
export function SegmentsView(props: { onOpenSegment: (id: string) => void }): React.JSX.Element {
  const overview = useSegmentsOverview()
  if (overview.isPending) return <PageLoader />
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
  if (!overview.data) return <NoRunYet />
  return (
    <Stack gap="lg">
      <RfmGrid overview={overview.data} onOpenSegment={props.onOpenSegment} />
      <SegmentCards segments={overview.data.segments} onOpenSegment={props.onOpenSegment} />
    </Stack>
  )
}
