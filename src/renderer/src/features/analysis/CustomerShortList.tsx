import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomerScore } from '../../../../shared/api/analysis'
import { ContactLinks } from '../../components/ContactLinks'
import { useFormat } from '../../format/useFormat'
import { ChurnBadge } from './ChurnBadge'

// Nothing wraps: Thai has no spaces between words, and a narrow column breaks a name or a heading in the
// middle of a word. Each list shows only the columns it is about; the drawer has the rest.
const NOWRAP = { whiteSpace: 'nowrap' } as const

export type ShortListColumn = 'monetary' | 'clv' | 'churn'

/** A short list of customers (top value, at risk); a row opens the customer's analysis. */
export function CustomerShortList(props: {
  title: string
  hint: string
  empty: string
  customers: CustomerScore[]
  columns: ShortListColumn[]
  onOpen: (customerId: number) => void
  testId: string
  /** The "export this list" button, top right. */
  actions?: React.ReactNode
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const cell = (c: CustomerScore, column: ShortListColumn): React.JSX.Element => {
    switch (column) {
      case 'monetary':
        return (
          <Table.Td key={column} ta="right" style={NOWRAP}>
            {fmt.baht(c.monetarySatang, true)}
          </Table.Td>
        )
      case 'clv':
        return (
          <Table.Td key={column} ta="right" style={NOWRAP}>
            {c.clvSatang === null ? t('list.none') : fmt.baht(c.clvSatang, true)}
          </Table.Td>
        )
      case 'churn':
        return (
          <Table.Td key={column}>
            <ChurnBadge level={c.churnLevel} />
          </Table.Td>
        )
    }
  }
  return (
    <Card withBorder padding="lg" h="100%">
      <Group justify="space-between" wrap="nowrap">
        <Title order={4}>{props.title}</Title>
        {props.actions}
      </Group>
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
              <Table.Th>{t('columns.contact')}</Table.Th>
              {props.columns.map((column) => (
                <Table.Th key={column} ta={column === 'churn' ? 'left' : 'right'} style={NOWRAP}>
                  {t(`columns.${column}`)}
                </Table.Th>
              ))}
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
                <Table.Td style={NOWRAP}>
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
                <Table.Td>
                  <ContactLinks phone={c.phone} lineId={c.lineId} email={c.email} />
                </Table.Td>
                {props.columns.map((column) => cell(c, column))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
