import { Card, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
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
              <Table data-testid="together-table" striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('together.other')}</Table.Th>
                    <Table.Th ta="right">{t('together.together')}</Table.Th>
                    <Table.Th ta="right">{t('together.share')}</Table.Th>
                    <Table.Th ta="right">{t('together.lift')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {together.data.items.map((p) => (
                    <Table.Tr key={p.productId}>
                      <Table.Td>
                        <Text size="sm" data-untranslated>
                          {p.name}
                        </Text>
                        <Text size="xs" c="dimmed" data-untranslated>
                          {p.category}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{fmt.number(p.together)}</Table.Td>
                      <Table.Td ta="right">{fmt.percent(p.confidence)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(p.lift, 2)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
