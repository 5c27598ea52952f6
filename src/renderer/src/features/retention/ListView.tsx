import { Anchor, Card, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RetentionCustomer, RetentionList } from '../../../../shared/api/retention'
import { call } from '../../api/client'
import { ContactLinks } from '../../components/ContactLinks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ExportListButton } from '../../components/ExportListButton'
import { PageLoader } from '../../components/PageLoader'
import { useFormat, type Format } from '../../format/useFormat'
import { PrintButton } from '../reports/PrintButton'
import { useRetentionList } from './queries'

type T = ReturnType<typeof useTranslation<'retention'>>['t']

interface Column {
  id: string
  label: string
  numeric?: boolean
  cell: (r: RetentionCustomer) => React.ReactNode
}

const dash = '–'

function columnsFor(list: RetentionList, t: T, fmt: Format): Column[] {
  const date = (d: string | null) => (d ? fmt.date(d) : dash)
  const last: Column = { id: 'last', label: t('list.lastPurchase'), cell: (r) => date(r.lastPurchase) }
  const first: Column = { id: 'first', label: t('list.firstPurchase'), cell: (r) => date(r.firstPurchase) }
  const since: Column = {
    id: 'since',
    label: t('list.daysSince'),
    numeric: true,
    cell: (r) => (r.daysSinceLast === null ? dash : fmt.number(r.daysSinceLast)),
  }
  const spend: Column = {
    id: 'spend',
    label: t('list.spend'),
    numeric: true,
    cell: (r) => fmt.baht(r.netSatang, true),
  }
  const visits: Column = {
    id: 'visits',
    label: t('list.visits'),
    numeric: true,
    cell: (r) => fmt.number(r.purchaseDays),
  }
  switch (list) {
    case 'at_risk':
      return [
        {
          id: 'stake',
          label: t('list.valueAtStake'),
          numeric: true,
          cell: (r) => fmt.baht(r.valueAtStakeSatang ?? 0, true),
        },
        spend,
        last,
        since,
        {
          id: 'gap',
          label: t('list.usualGap'),
          cell: (r) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {r.usualGapDays === null
                ? dash
                : t('list.usualGapDays', { days: fmt.number(r.usualGapDays, 1) })}
            </Text>
          ),
        },
        {
          id: 'why',
          label: t('list.why'),
          cell: (r) => (
            <Stack gap={0}>
              {r.reasons.map((reason) => (
                <Text key={reason} size="xs" fw={600} c={reason === 'churn_high' ? 'red.8' : 'orange.8'}>
                  {t(`list.reason.${reason}`, { ratio: fmt.number(r.overdueRatio ?? 0, 1) })}
                </Text>
              ))}
            </Stack>
          ),
        },
      ]
    case 'win_back':
      return [spend, last, since, visits]
    case 'not_returned':
      return [first, since, spend]
    case 'birthdays':
      return [
        { id: 'birthday', label: t('list.birthday'), cell: (r) => date(r.birthday) },
        {
          id: 'turns',
          label: t('list.turns'),
          numeric: true,
          cell: (r) => (r.turningAge === null ? dash : fmt.number(r.turningAge)),
        },
        last,
        spend,
      ]
    case 'referrers':
      return [
        {
          id: 'referred',
          label: t('list.referred'),
          numeric: true,
          cell: (r) => fmt.number(r.referredCount ?? 0),
        },
        {
          id: 'buyers',
          label: t('list.referredBuyers'),
          numeric: true,
          cell: (r) => fmt.number(r.referredBuyers ?? 0),
        },
        {
          id: 'revenue',
          label: t('list.referredRevenue'),
          numeric: true,
          cell: (r) => fmt.baht(r.referredNetSatang ?? 0, true),
        },
      ]
    case 'referred':
      return [
        {
          id: 'by',
          label: t('list.referredBy'),
          cell: (r) => <span data-untranslated>{r.referrerName ?? dash}</span>,
        },
        first,
        spend,
      ]
  }
}

/** The export's header labels, in the user's language (ids as src/main/retention/export.ts names them). */
function exportHeaders(t: T): Record<string, string> {
  return {
    code: t('list.code'),
    name: t('list.name'),
    phone: t('list.phone'),
    line: t('list.line'),
    email: t('list.email'),
    first_purchase: t('list.firstPurchase'),
    last_purchase: t('list.lastPurchase'),
    days_since_last: t('list.daysSince'),
    purchase_days: t('list.visits'),
    net_spend: t('list.spend'),
    value_at_stake: t('list.valueAtStake'),
    usual_gap: t('list.usualGap'),
    churn_risk: t('list.churnScore'),
    reasons: t('list.why'),
    birthday: t('list.birthday'),
    turning_age: t('list.turns'),
    referred_count: t('list.referred'),
    referred_buyers: t('list.referredBuyers'),
    referred_net: t('list.referredRevenue'),
    referrer: t('list.referredBy'),
  }
}

/** One customer list of the retention and growth pages: contacts on every row, export, print. */
export function ListView(props: { list: RetentionList; asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const { list, asOf } = props
  const query = useRetentionList(list, asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const data = query.data
  const columns = columnsFor(list, t, fmt)
  const month = fmt.monthLong(data.asOf.slice(0, 7))
  return (
    <Card withBorder padding="lg" data-testid={`list-${list}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={4}>{t(`list.title.${list}`)}</Title>
            <Text size="sm" c="dimmed">
              {t(`list.intro.${list}`, { month })}
            </Text>
            {list === 'at_risk' && (
              <Text size="sm" c="dimmed" data-testid="churn-run">
                {data.churnRunAsOf
                  ? t('list.churnRun', { date: fmt.date(data.churnRunAsOf) })
                  : t('list.noChurnRun')}
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap" className="no-print">
            <ExportListButton
              disabled={data.total === 0}
              exportFile={(format) =>
                call('exportRetentionList', {
                  list,
                  ...(asOf ? { asOf } : {}),
                  format,
                  title: `${t(`list.title.${list}`)} ${data.asOf}`,
                  headers: exportHeaders(t),
                  reasonLabels: {
                    churn_high: t('list.reasonPlain.churn_high'),
                    overdue: t('list.reasonPlain.overdue'),
                  },
                })
              }
            />
            <PrintButton request={{ report: 'retention-list', list, asOf: data.asOf }} />
          </Group>
        </Group>
        <Text size="sm" fw={500} data-testid="list-count">
          {data.total > data.customers.length
            ? `${t('list.count', { shown: fmt.number(data.customers.length), total: fmt.number(data.total) })} · ${t('list.more')}`
            : t('list.countAll', { total: fmt.number(data.total) })}
        </Text>
        {data.total === 0 ? (
          <Text c="dimmed">{t('list.empty')}</Text>
        ) : (
          <ScrollArea>
            <Table striped verticalSpacing={4} data-testid="retention-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.name')}</Table.Th>
                  <Table.Th>{t('list.contacts')}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.id} ta={c.numeric ? 'right' : undefined}>
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.customers.map((r) => (
                  <Table.Tr key={r.customerId}>
                    <Table.Td data-untranslated>
                      <Anchor component={Link} to={`/customers?id=${r.customerId}`} size="sm">
                        {r.name}
                      </Anchor>
                      {r.code && (
                        <Text size="xs" c="dimmed">
                          {r.code}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ContactLinks phone={r.phone} lineId={r.lineId} email={r.email} />
                    </Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c.id} ta={c.numeric ? 'right' : undefined}>
                        {c.cell(r)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Card>
  )
}
