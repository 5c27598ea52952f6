import { Card, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { customerBriefSchema, mergeSuggestionSchema } from '../../../../shared/api/import'
import { ErrorNotice } from '../../components/ErrorNotice'
import { displayPhone } from './labels'
import { useMergeSuggestions } from './queries'

type Suggestion = z.infer<typeof mergeSuggestionSchema>
type CustomerBrief = z.infer<typeof customerBriefSchema>

function Who(props: { customer: CustomerBrief }): React.JSX.Element {
  const { t } = useTranslation('import')
  const c = props.customer
  return (
    <Stack gap={0}>
      {c.name ? (
        <Text size="sm" data-untranslated>
          {c.name}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('customer.noName')}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-untranslated>
        {[displayPhone(c.phone), c.email].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  )
}

/** Pairs of customers an import could not tell apart or together with certainty. */
export function MergeList(props: { suggestions: Suggestion[] }): React.JSX.Element {
  const { t } = useTranslation('import')
  return (
    <Table verticalSpacing="xs" data-testid="merge-suggestions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('merges.customer')}</Table.Th>
          <Table.Th>{t('merges.other')}</Table.Th>
          <Table.Th>{t('merges.shared')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.suggestions.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Who customer={s.customer} />
            </Table.Td>
            <Table.Td>
              <Who customer={s.other} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`merges.reason.${s.reason}`)}</Text>
              <Text size="xs" c="dimmed" data-untranslated>
                {s.reason === 'phone' ? displayPhone(s.value) : s.value}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The open merge suggestions of all imports. */
export function MergeSuggestions(): React.JSX.Element | null {
  const { t } = useTranslation('import')
  const merges = useMergeSuggestions()
  if (merges.isPending) return null
  return (
    <Card withBorder padding="lg">
      <Title order={3}>{t('merges.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('merges.hint')}
      </Text>
      {merges.isError && <ErrorNotice error={merges.error} onRetry={() => void merges.refetch()} />}
      {merges.data?.suggestions.length === 0 && <Text c="dimmed">{t('merges.empty')}</Text>}
      {merges.data && merges.data.suggestions.length > 0 && (
        <MergeList suggestions={merges.data.suggestions} />
      )}
    </Card>
  )
}
