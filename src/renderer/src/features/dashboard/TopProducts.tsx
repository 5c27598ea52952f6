import { Card, Skeleton, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { useTopProducts } from './queries'

/** The best sellers card: loads on its own query (a placeholder until then). */
export function TopProducts({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const fmt = useFormat()
  const query = useTopProducts(asOf)
  const products = query.data?.products ?? []
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4} mb="md">
        {t('top.title')}
      </Title>
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton h={200} data-testid="top-products-loading" />
      ) : products.length === 0 ? (
        <Text c="dimmed">{t('top.empty')}</Text>
      ) : (
        <Table data-testid="top-products" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('top.product')}</Table.Th>
              <Table.Th ta="right">{t('top.quantity')}</Table.Th>
              <Table.Th ta="right">{t('top.revenue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.map((p) => (
              <Table.Tr key={p.productId}>
                <Table.Td>
                  <Text size="sm" data-untranslated>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed" data-untranslated>
                    {p.category}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{fmt.number(p.quantity)}</Table.Td>
                <Table.Td ta="right">{fmt.baht(p.netSatang, true)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
