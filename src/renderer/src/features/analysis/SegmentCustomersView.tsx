import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { PrintButton } from '../reports/PrintButton'
import { CustomerListTable } from './CustomerListTable'
import { NoRunYet } from './NoRunYet'
import { useSegmentsOverview } from './queries'
import { segmentAction, segmentName } from './segmentText'

/** The customers of one segment, with the segment's advice; a row opens the customer's analysis. */
export function SegmentCustomersView(props: { segmentId: string; onBack: () => void }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const overview = useSegmentsOverview()
  if (overview.isPending) return <PageLoader />
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
  if (!overview.data) return <NoRunYet />
  const segment = overview.data.segments.find((s) => s.id === props.segmentId)
  const title = segment ? segmentName(segment, fmt.language) : t('list.unknownSegment')
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={3} data-testid="segment-title">
            {title}
          </Title>
          {segment && (
            <Text size="sm" c="gray.7" maw={760}>
              <Text span fw={600}>
                {t('list.action')}
              </Text>{' '}
              {segmentAction(segment, fmt.language)}
            </Text>
          )}
        </Stack>
        <Button variant="default" onClick={props.onBack} style={{ flex: 'none' }}>
          {t('list.back')}
        </Button>
      </Group>
      <CustomerListTable
        list="segment"
        segment={props.segmentId}
        exportTitle={title}
        testId="segment-customers"
        printButtons={
          <>
            <PrintButton request={{ report: 'segments', segment: props.segmentId }} />
            <PrintButton request={{ report: 'call-list', segment: props.segmentId }} label="callList" />
          </>
        }
      />
    </Stack>
  )
}
