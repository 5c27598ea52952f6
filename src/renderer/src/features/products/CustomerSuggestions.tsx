import { Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useCustomerSuggestions } from './queries'
import { ReasonText } from './ReasonText'

/**
 * The products to offer one customer, ranked, each with its reason in words. Self-contained (its own
 * query), so the customer profile can mount it: <CustomerSuggestions customerId={id} />.
 */
export function CustomerSuggestions({ customerId }: { customerId: number }): React.JSX.Element {
  const { t } = useTranslation('products')
  const suggestions = useCustomerSuggestions(customerId)
  return (
    <Card withBorder padding="lg" data-testid="customer-suggestions">
      <Title order={4} mb="xs">
        {t('suggestions.cardTitle')}
      </Title>
      {suggestions.isPending ? (
        <PageLoader />
      ) : suggestions.isError ? (
        <ErrorNotice error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('suggestions.bought', { count: suggestions.data.productsBought })}
          </Text>
          {suggestions.data.suggestions.length === 0 ? (
            <Text c="dimmed">{t('suggestions.empty')}</Text>
          ) : (
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('suggestions.product')}</Table.Th>
                  <Table.Th>{t('suggestions.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {suggestions.data.suggestions.map((s) => (
                  <Table.Tr key={s.productId} data-testid="suggestion-row">
                    <Table.Td w="30%">
                      <Text size="sm" fw={500} data-untranslated>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed" data-untranslated>
                        {s.category}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <ReasonText reason={s.reason} />
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  )
}
