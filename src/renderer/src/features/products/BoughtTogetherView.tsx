import { Card, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { ProductTable } from '../../components/ProductTable'
import { useFormat } from '../../format/useFormat'
import { ProductSelect } from './ProductSelect'
import { useBoughtTogether, useProductsOverview } from './queries'

export function BoughtTogetherView(): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const overview = useProductsOverview()
  const [chosen, setChosen] = useState<number | null>(null)
  // the best seller until the user picks another
  const productId = chosen ?? overview.data?.bestSellers[0]?.productId ?? null
  const together = useBoughtTogether(productId)
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={4}>{t('together.title')}</Title>
        <ProductSelect
          label={t('together.product')}
          value={productId}
          onChange={setChosen}
          testId="together-product"
        />
        {productId === null ? (
          <Text c="dimmed">{t('together.choose')}</Text>
        ) : together.isPending ? (
          <PageLoader />
        ) : together.isError ? (
          <ErrorNotice error={together.error} onRetry={() => void together.refetch()} />
        ) : (
          <>
            <Text size="sm" data-testid="together-summary">
              {t('together.summary', {
                product: together.data.product.name,
                count: fmt.number(together.data.withProduct),
                baskets: fmt.number(together.data.baskets),
              })}
            </Text>
            {together.data.items.length === 0 ? (
              <Text c="dimmed">{t('together.empty')}</Text>
            ) : (
              <ProductTable
                testId="together-table"
                striped
                verticalSpacing={4}
                productHeader={t('together.other')}
                columns={[
                  { header: t('together.together'), value: (p) => fmt.number(p.together) },
                  { header: t('together.share'), value: (p) => fmt.percent(p.confidence) },
                  { header: t('together.lift'), value: (p) => fmt.number(p.lift, 2) },
                ]}
                products={together.data.items}
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
