import { Anchor, Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomerScore } from '../../../../shared/api/analysis'
import { useFormat } from '../../format/useFormat'
import { ChurnBadge } from './ChurnBadge'

const NOWRAP = { whiteSpace: 'nowrap' } as const

/** A short list of customers (top value, at risk) with their spend, predicted value and churn level. */
export function CustomerShortList(props: {
  title: string
  hint: string
  empty: string
  customers: CustomerScore[]
  onOpen: (customerId: number) => void
  testId: string
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4}>{props.title}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.hint}
      </Text>
      {props.customers.length === 0 ? (
        <Text c="dimmed">{props.empty}</Text>
      ) : (
        <Table verticalSpacing={5} highlightOnHover data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                {t('columns.monetary')}
              </Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                {t('columns.clv')}
              </Table.Th>
              <Table.Th style={NOWRAP}>{t('columns.churn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.customers.map((c) => (
              <Table.Tr
                key={c.customerId}
                onClick={() => props.onOpen(c.customerId)}
                style={{ cursor: 'pointer' }}
                data-customer-id={c.customerId}
              >
                <Table.Td>
                  <Anchor
                    component="button"
                    size="sm"
                    c="teal.9"
                    ta="left"
                    data-untranslated
                    onClick={(event) => {
                      event.stopPropagation()
                      props.onOpen(c.customerId)
                    }}
                  >
                    {c.name}
                  </Anchor>
                  {c.code && (
                    <Text size="xs" c="dimmed" data-untranslated data-testid="customer-code">
                      {c.code}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {fmt.baht(c.monetarySatang, true)}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {c.clvSatang === null ? t('list.none') : fmt.baht(c.clvSatang, true)}
                </Table.Td>
                <Table.Td>
                  <ChurnBadge level={c.churnLevel} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
