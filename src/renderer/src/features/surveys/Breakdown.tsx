import { Card, Group, SegmentedControl, Table, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SurveyAnalysis } from '../../../../shared/api/surveys'
import { useFormat } from '../../format/useFormat'
import { aspectLabel } from './labels'
import { SharesCells, SharesHead } from './SharesCells'

const DIMENSIONS = ['staff', 'store', 'category', 'segment', 'month'] as const
type Dimension = (typeof DIMENSIONS)[number]

/** The overall level by staff, store, product category, customer segment or month (the trend). */
export function Breakdown({ analysis }: { analysis: SurveyAnalysis }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const [dimension, setDimension] = useState<Dimension>('staff')
  const rows =
    dimension === 'month'
      ? analysis.months.map((m) => ({ group: fmt.monthLong(m.month), shares: m.shares }))
      : {
          staff: analysis.byStaff,
          store: analysis.byStore,
          category: analysis.byCategory,
          segment: analysis.bySegment.map((g) => ({
            group:
              g.labelTh && g.labelEn
                ? aspectLabel({ labelTh: g.labelTh, labelEn: g.labelEn }, fmt.language)
                : g.group,
            shares: g.shares,
          })),
        }[dimension]
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{dimension === 'month' ? t('trend.title') : t('breakdown.title')}</Title>
        <SegmentedControl
          size="xs"
          value={dimension}
          onChange={(v) => setDimension(DIMENSIONS.find((d) => d === v) ?? 'staff')}
          data={DIMENSIONS.map((d) => ({
            value: d,
            label: d === 'month' ? t('trend.month') : t(`breakdown.${d}`),
          }))}
        />
      </Group>
      <Table striped data-testid="surveys-breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('breakdown.group')}</Table.Th>
            <SharesHead />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Td data-untranslated={g.group ? true : undefined}>
                {g.group || t('breakdown.unknown')}
              </Table.Td>
              <SharesCells s={g.shares} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
