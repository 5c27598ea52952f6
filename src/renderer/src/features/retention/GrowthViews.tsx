import { Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { MonthTable } from './MonthTable'
import { useAcquisition, useReferralSummary, useRevenueGrowth } from './queries'
import { useSourceLabel } from './sourceLabel'

/** New customers per month by acquisition source. */
export function AcquisitionView({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const sourceLabel = useSourceLabel()
  const query = useAcquisition(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const a = query.data
  return (
    <Card withBorder padding="lg" data-testid="acquisition">
      <Stack gap="sm">
        <Title order={4}>{t('acquisition.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('acquisition.intro')}
        </Text>
        {a.sources.length === 0 ? (
          <Text c="dimmed">{t('acquisition.none')}</Text>
        ) : (
          <ScrollArea>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('acquisition.month')}</Table.Th>
                  {a.sources.map((s) => (
                    <Table.Th key={s.source} ta="right" data-untranslated>
                      {sourceLabel(s.source)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('acquisition.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{fmt.monthLong(m.month)}</Table.Td>
                    {a.sources.map((s) => (
                      <Table.Td key={s.source} ta="right">
                        {fmt.number(m.bySource[s.source] ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {fmt.number(m.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={600}>{t('acquisition.total')}</Table.Td>
                  {a.sources.map((s) => (
                    <Table.Td key={s.source} ta="right" fw={600}>
                      {fmt.number(s.customers)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    {fmt.number(a.sources.reduce((sum, s) => sum + s.customers, 0))}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Card>
  )
}

function Figure(props: { label: string; value: string; hint?: string; testId: string }): React.JSX.Element {
  return (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fz={24} fw={700}>
        {props.value}
      </Text>
      {props.hint && (
        <Text size="sm" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Card>
  )
}

/** The referral totals (the lists are ListView 'referrers' and 'referred'). */
export function ReferralSummaryCards({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useReferralSummary(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const r = query.data
  return (
    <SimpleGrid cols={4} spacing="md">
      <Figure testId="referrals-referred" label={t('referrals.referred')} value={fmt.number(r.referred)} />
      <Figure testId="referrals-buyers" label={t('referrals.buyers')} value={fmt.number(r.referredBuyers)} />
      <Figure testId="referrals-referrers" label={t('referrals.referrers')} value={fmt.number(r.referrers)} />
      <Figure
        testId="referrals-revenue"
        label={t('referrals.revenue')}
        value={fmt.baht(r.referredNetSatang, true)}
        hint={
          r.shareOfRevenue === null
            ? undefined
            : t('referrals.share', { share: fmt.percent(r.shareOfRevenue) })
        }
      />
    </SimpleGrid>
  )
}

/** New vs returning revenue by month, and where the year's growth comes from. */
export function RevenueView({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useRevenueGrowth(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const g = query.data
  const signed = (satang: number) => `${satang > 0 ? '+' : ''}${fmt.baht(satang, true)}`
  const row = (label: string, p: typeof g.current) => (
    <Table.Tr>
      <Table.Td>
        {label}
        <Text size="xs" c="dimmed">
          {fmt.date(p.from)} – {fmt.date(p.to)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{fmt.baht(p.returningSatang, true)}</Table.Td>
      <Table.Td ta="right">{fmt.baht(p.newSatang, true)}</Table.Td>
      <Table.Td ta="right">{fmt.baht(p.walkInSatang, true)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {fmt.baht(p.totalSatang, true)}
      </Table.Td>
    </Table.Tr>
  )
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" data-testid="growth-split">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('revenue.growthTitle')}</Title>
            <Text fw={600} data-testid="growth-rate">
              {g.change.growth === null
                ? t('revenue.noGrowth')
                : t('revenue.growth', { growth: fmt.change(g.change.growth) })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('revenue.growthIntro', { to: fmt.date(g.current.to) })}
          </Text>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('revenue.period')}</Table.Th>
                <Table.Th ta="right">{t('revenue.fromExisting')}</Table.Th>
                <Table.Th ta="right">{t('revenue.fromNew')}</Table.Th>
                <Table.Th ta="right">{t('revenue.fromWalkIn')}</Table.Th>
                <Table.Th ta="right">{t('revenue.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {row(t('revenue.previous'), g.previous)}
              {row(t('revenue.current'), g.current)}
              <Table.Tr>
                <Table.Td fw={600}>{t('revenue.change')}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {signed(g.change.fromExistingSatang)}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {signed(g.change.fromNewSatang)}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {signed(g.change.fromWalkInSatang)}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {signed(g.change.totalSatang)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>
      <MonthTable
        testId="new-vs-returning"
        title={t('revenue.title')}
        intro={t('revenue.intro')}
        monthLabel={t('revenue.month')}
        monthName={(month) => fmt.monthLong(month)}
        rows={g.months}
        columns={[
          { label: t('revenue.newCustomers'), cell: (m) => fmt.number(m.newCustomers) },
          { label: t('revenue.newRevenue'), cell: (m) => fmt.baht(m.newSatang, true) },
          { label: t('revenue.returningCustomers'), cell: (m) => fmt.number(m.returningCustomers) },
          { label: t('revenue.returningRevenue'), cell: (m) => fmt.baht(m.returningSatang, true) },
          { label: t('revenue.walkIn'), cell: (m) => fmt.baht(m.walkInSatang, true) },
          { label: t('revenue.total'), strong: true, cell: (m) => fmt.baht(m.totalSatang, true) },
        ]}
      />
    </Stack>
  )
}
