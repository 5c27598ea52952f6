import { Card, Grid, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { CategoryMixChart } from './CategoryMixChart'
import { useProductsOverview } from './queries'

const SHOWN = 15

export function OverviewView(): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const overview = useProductsOverview()
  if (overview.isPending) return <PageLoader />
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
  const { bestSellers, categoryMix } = overview.data
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder padding="lg">
          <Title order={4} mb="md">
            {t('best.title')}
          </Title>
          {bestSellers.length === 0 ? (
            <Text c="dimmed">{t('best.empty')}</Text>
          ) : (
            <Table data-testid="best-sellers" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('best.product')}</Table.Th>
                  <Table.Th ta="right">{t('best.receipts')}</Table.Th>
                  <Table.Th ta="right">{t('best.revenue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bestSellers.slice(0, SHOWN).map((p) => (
                  <Table.Tr key={p.productId}>
                    <Table.Td>
                      <Text size="sm" data-untranslated>
                        {p.name}
                      </Text>
                      <Text size="xs" c="dimmed" data-untranslated>
                        {p.category}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(p.receipts)}</Table.Td>
                    <Table.Td ta="right">{fmt.baht(p.netSatang, true)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <CategoryMixChart mix={categoryMix} />
      </Grid.Col>
    </Grid>
  )
}
