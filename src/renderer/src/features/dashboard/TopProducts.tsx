import { Card, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../../../../shared/api/dashboard'
import { ProductTable } from '../../components/ProductTable'
import { useFormat } from '../../format/useFormat'

export function TopProducts({ products }: { products: Dashboard['topProducts'] }): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const fmt = useFormat()
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4} mb="md">
        {t('top.title')}
      </Title>
      {products.length === 0 ? (
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
