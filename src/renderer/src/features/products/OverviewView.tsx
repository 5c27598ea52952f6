import { Card, Grid, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { ProductTable } from '../../components/ProductTable'
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
            <ProductTable
              testId="best-sellers"
              verticalSpacing={4}
              productHeader={t('best.product')}
              columns={[
                { header: t('best.receipts'), value: (p) => fmt.number(p.receipts) },
                { header: t('best.revenue'), value: (p) => fmt.baht(p.netSatang, true) },
              ]}
              products={bestSellers.slice(0, SHOWN)}
            />
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <CategoryMixChart mix={categoryMix} />
      </Grid.Col>
    </Grid>
  )
}
