import { Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AspectResult } from '../../../../shared/api/surveys'
import { useFormat } from '../../format/useFormat'
import { aspectLabel } from './labels'
import { SharesCells, SharesHead } from './SharesCells'

export function PriorityTable({ aspects }: { aspects: AspectResult[] }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const ranked = [...aspects].sort((a, b) => a.priority - b.priority)
  return (
    <Card withBorder padding="lg">
      <Title order={4}>{t('priorities.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('priorities.hint')}
      </Text>
      <Table striped data-testid="surveys-priorities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('priorities.rank')}</Table.Th>
            <Table.Th>{t('priorities.aspect')}</Table.Th>
            <SharesHead />
            <Table.Th ta="right">{t('priorities.impact')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ranked.map((a) => (
            <Table.Tr key={a.key} data-aspect={a.key}>
              <Table.Td fw={600}>{fmt.number(a.priority)}</Table.Td>
              <Table.Td>{aspectLabel(a, fmt.language)}</Table.Td>
              <SharesCells s={a.shares} />
              <Table.Td ta="right">{fmt.number(a.impact * 100, 1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
