import { Card, Skeleton, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProductTable } from '../../components/ProductTable'
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
        <ProductTable
          testId="top-products"
          verticalSpacing="xs"
          productHeader={t('top.product')}
          columns={[
            { header: t('top.quantity'), value: (p) => fmt.number(p.quantity) },
            { header: t('top.revenue'), value: (p) => fmt.baht(p.netSatang, true) },
          ]}
          products={products}
        />
      )}
    </Card>
  )
}
