import { Card, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useChurnByMonth, useSecondPurchase } from './queries'

const dash = '–'

/** Each month's new customers and how many came back for a second purchase. */
export function SecondPurchaseTable({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useSecondPurchase(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const s = query.data
  const days = fmt.number(s.windowDays)
  return (
    <Card withBorder padding="lg" data-testid="second-purchase">
      <Stack gap="sm">
        <Title order={4}>{t('second.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('second.intro', { days })}
        </Text>
        <Text size="sm" fw={500} data-testid="second-overall">
          {t('second.overall', {
            rate: s.rate === null ? dash : fmt.percent(s.rate),
            within: fmt.number(s.returnedWithin),
            eligible: fmt.number(s.eligible),
          })}
        </Text>
        <ScrollArea>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('second.month')}</Table.Th>
                <Table.Th ta="right">{t('second.newCustomers')}</Table.Th>
                <Table.Th ta="right">{t('second.returned')}</Table.Th>
                <Table.Th ta="right">{t('second.eligible', { days })}</Table.Th>
                <Table.Th ta="right">{t('second.within', { days })}</Table.Th>
                <Table.Th ta="right">{t('second.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{fmt.monthLong(m.month)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.newCustomers)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.returned)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.eligible)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.returnedWithin)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {m.rate === null ? (m.newCustomers > 0 ? t('second.notYet') : dash) : fmt.percent(m.rate)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Card>
  )
}

/** Churn and retention of the active base, month by month. */
export function ChurnTable({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useChurnByMonth(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const c = query.data
  const rate = (r: number | null) => (r === null ? dash : fmt.percent(r))
  return (
    <Card withBorder padding="lg" data-testid="churn-by-month">
      <Stack gap="sm">
        <Title order={4}>{t('churn.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('churn.intro', { days: fmt.number(c.activeDays) })}
        </Text>
        <ScrollArea>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('churn.month')}</Table.Th>
                <Table.Th ta="right">{t('churn.base')}</Table.Th>
                <Table.Th ta="right">{t('churn.retained')}</Table.Th>
                <Table.Th ta="right">{t('churn.churned')}</Table.Th>
                <Table.Th ta="right">{t('churn.retentionRate')}</Table.Th>
                <Table.Th ta="right">{t('churn.churnRate')}</Table.Th>
                <Table.Th ta="right">{t('churn.newCustomers')}</Table.Th>
                <Table.Th ta="right">{t('churn.activeAtEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{fmt.monthLong(m.month)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.activeAtStart)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.retained)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.churned)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {rate(m.retentionRate)}
                  </Table.Td>
                  <Table.Td ta="right" c={m.churnRate !== null && m.churnRate > 0.3 ? 'red' : undefined}>
                    {rate(m.churnRate)}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(m.newCustomers)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(m.activeAtEnd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Card>
  )
}
