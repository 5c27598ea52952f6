import { Card, Select, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CustomerSuggestions } from './CustomerSuggestions'
import { useSuggestionCustomers } from './queries'

export function SuggestionsView(): React.JSX.Element {
  const { t } = useTranslation('products')
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 250)
  const [customerId, setCustomerId] = useState<number | null>(null)
  const customers = useSuggestionCustomers(query)
  const data = (customers.data ?? []).map((c) => ({
    value: String(c.customerId),
    label: [c.name, c.code, c.phone].filter(Boolean).join(' · '),
  }))
  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Title order={4} mb="md">
          {t('suggestions.title')}
        </Title>
        <Select
          label={t('suggestions.customer')}
          placeholder={t('suggestions.search')}
          data={data}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          value={customerId === null ? null : String(customerId)}
          onChange={(v) => setCustomerId(v === null ? null : Number(v))}
          w={420}
          data-testid="suggestions-customer"
        />
      </Card>
      {customerId === null ? (
        <Text c="dimmed">{t('suggestions.pick')}</Text>
      ) : (
        <CustomerSuggestions customerId={customerId} />
      )}
    </Stack>
  )
}
