import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SegmentSummary } from '../../../../shared/api/analysis'
import { useFormat } from '../../format/useFormat'
import { segmentAction, segmentName } from './segmentText'

function Figure(props: { label: string; value: string; share: string }): React.JSX.Element {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {props.label}
      </Text>
      <Text fw={700} lh={1.3}>
        {props.value}
      </Text>
      <Text size="xs" c="gray.7">
        {props.share}
      </Text>
    </Stack>
  )
}

/** One card per segment of the map: its size, its share of revenue, what to do, and its customers. */
export function SegmentCards(props: {
  segments: SegmentSummary[]
  onOpenSegment: (id: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  return (
    <SimpleGrid cols={3} spacing="md" data-testid="segment-cards">
      {props.segments.map((s) => (
        <Card key={s.id} withBorder padding="md" data-testid={`segment-card-${s.id}`}>
          <Stack gap="sm" h="100%" justify="space-between">
            <Stack gap="xs">
              <Title order={5}>{segmentName(s, fmt.language)}</Title>
              <Group gap="xl" align="flex-start">
                <Figure
                  label={t('cards.customers')}
                  value={fmt.number(s.customers)}
                  share={t('cards.customerShare', { share: fmt.percent(s.customerShare) })}
                />
                <Figure
                  label={t('cards.revenue')}
                  value={fmt.baht(s.revenueSatang, true)}
                  share={t('cards.revenueShare', { share: fmt.percent(s.revenueShare) })}
                />
              </Group>
              <Text size="sm" c="gray.7">
                {segmentAction(s, fmt.language)}
              </Text>
            </Stack>
            <Button
              variant="default"
              size="xs"
              disabled={s.customers === 0}
              onClick={() => props.onOpenSegment(s.id)}
              aria-label={t('cards.viewAria', { segment: segmentName(s, fmt.language) })}
            >
              {t('cards.view')}
            </Button>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  )
}
