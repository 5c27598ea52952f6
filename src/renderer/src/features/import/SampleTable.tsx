import { Badge, Card, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { IssueColumn } from './IssueColumn'
import type { ImportPreview } from '../../../../shared/api/import'
import { useFormat } from '../../format/useFormat'
import { dateTime, displayPhone } from './labels'

type Sample = ImportPreview['sample'][number]

/** What the import makes of a row: OK, skipped, or its problems (column: reason). */
function RowCheck(props: { sample: Sample }): React.JSX.Element {
  const { t } = useTranslation('import')
  const s = props.sample
  if (s.ignored)
    return (
      <Text size="sm" c="dimmed">
        {t('sample.ignored')}
      </Text>
    )
  const issues = [...s.errors, ...s.warnings]
  if (issues.length === 0)
    return (
      <Text size="sm" c="teal">
        {t('sample.ok')}
      </Text>
    )
  return (
    <Stack gap={0}>
      {issues.map((issue, i) => (
        <Text key={i} size="sm" c={s.errors.includes(issue) ? 'red' : 'orange'}>
          <IssueColumn column={issue.column} />: {t(`reason.${issue.reason}`)}
        </Text>
      ))}
    </Stack>
  )
}

function SalesRows(props: { sample: Sample[] }): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  return (
    <Table striped fz="sm" verticalSpacing={6} data-testid="sample-rows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sample.row')}</Table.Th>
          <Table.Th>{t('sample.receipt')}</Table.Th>
          <Table.Th>{t('sample.when')}</Table.Th>
          <Table.Th>{t('sample.customer')}</Table.Th>
          <Table.Th>{t('sample.product')}</Table.Th>
          <Table.Th ta="right">{t('sample.quantity')}</Table.Th>
          <Table.Th ta="right">{t('sample.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('sample.net')}</Table.Th>
          <Table.Th>{t('sample.check')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sample.map((s) => {
          const sale = s.sale
          const contact = sale ? [displayPhone(sale.phone), sale.email].filter(Boolean).join(' · ') : ''
          return (
            <Table.Tr key={s.row}>
              <Table.Td c="dimmed">{s.row}</Table.Td>
              <Table.Td data-untranslated>{sale?.receiptNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{sale && dateTime(fmt, sale.occurredAt)}</Table.Td>
              <Table.Td>
                {sale && (sale.customerName || contact) ? (
                  <Stack gap={0} data-untranslated>
                    <span>{sale.customerName}</span>
                    <Text size="xs" c="dimmed">
                      {contact}
                    </Text>
                  </Stack>
                ) : (
                  sale && (
                    <Text size="sm" c="dimmed">
                      {t('sample.walkIn')}
                    </Text>
                  )
                )}
              </Table.Td>
              <Table.Td>
                <span data-untranslated>{sale?.product}</span>{' '}
                {sale?.refund && (
                  <Badge size="xs" color="orange" variant="light">
                    {t('sample.refund')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{sale && fmt.number(sale.quantity, 3)}</Table.Td>
              <Table.Td ta="right">{sale && fmt.baht(sale.unitPrice)}</Table.Td>
              <Table.Td ta="right">{sale && fmt.baht(sale.net)}</Table.Td>
              <Table.Td>
                <RowCheck sample={s} />
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

function CustomerRows(props: { sample: Sample[] }): React.JSX.Element {
  const { t } = useTranslation('import')
  return (
    <Table striped fz="sm" verticalSpacing={6} data-testid="sample-rows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sample.row')}</Table.Th>
          <Table.Th>{t('sample.code')}</Table.Th>
          <Table.Th>{t('customer.name')}</Table.Th>
          <Table.Th>{t('sample.phone')}</Table.Th>
          <Table.Th>{t('sample.email')}</Table.Th>
          <Table.Th>{t('sample.check')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sample.map((s) => (
          <Table.Tr key={s.row}>
            <Table.Td c="dimmed">{s.row}</Table.Td>
            <Table.Td data-untranslated>{s.customer?.code}</Table.Td>
            <Table.Td data-untranslated>{s.customer?.name}</Table.Td>
            <Table.Td data-untranslated>{displayPhone(s.customer?.phone ?? null)}</Table.Td>
            <Table.Td data-untranslated>{s.customer?.email}</Table.Td>
            <Table.Td>
              <RowCheck sample={s} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The first rows as they will be stored: dates in the chosen era, amounts in baht, problems by row. */
export function SampleTable(props: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation('import')
  const p = props.preview
  return (
    <Card withBorder padding="lg">
      <Title order={3}>{t('sample.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sample.hint')}
      </Text>
      {p.dateOrder.needsDecision && p.dateOrder.value === null ? (
        // until the order is known every date reads as unreadable: say what is missing instead
        <Text c="dimmed">{t('sample.waitDateOrder')}</Text>
      ) : p.sample.length === 0 ? (
        <Text c="dimmed">{t('sample.none')}</Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          {p.kind === 'sales' ? <SalesRows sample={p.sample} /> : <CustomerRows sample={p.sample} />}
        </ScrollArea.Autosize>
      )}
    </Card>
  )
}
