import { Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ValueOverview } from '../../../../shared/api/analysis'
import { useFormat } from '../../format/useFormat'

/** Customers ranked by net spend in tiers (top 1 %, 5 %, 20 %, 50 %, the rest) and each tier's revenue. */
export function ValueTiers(props: { tiers: ValueOverview['tiers'] }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4}>{t('value.tiers.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('value.tiers.hint')}
      </Text>
      <Table verticalSpacing={6} data-testid="value-tiers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('value.tiers.tier')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.customers')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.revenue')}</Table.Th>
            <Table.Th ta="right">{t('value.tiers.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.tiers.map((tier) => (
            <Table.Tr key={tier.tier}>
              <Table.Td>{t(`tiers.${tier.tier}`)}</Table.Td>
              <Table.Td ta="right">{fmt.number(tier.customers)}</Table.Td>
              <Table.Td ta="right">{fmt.baht(tier.revenueSatang, true)}</Table.Td>
              <Table.Td ta="right">{fmt.percent(tier.revenueShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
