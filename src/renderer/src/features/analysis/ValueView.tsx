import { Alert, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { PrintButton } from '../reports/PrintButton'
import { useTranslation } from 'react-i18next'
import type { ValueTier } from '../../../../shared/api/analysis'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ClvChart } from './ClvChart'
import { CustomerListTable } from './CustomerListTable'
import { NoRunYet } from './NoRunYet'
import { useValueOverview } from './queries'
import { ValueTiers } from './ValueTiers'

const TOP_20 = new Set<ValueTier>(['top_1', 'top_5', 'top_20'])

function Kpi(props: { label: string; value: string; hint: string; testId: string }): React.JSX.Element {
  return (
    <Card withBorder padding="lg" data-testid={props.testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {props.label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {props.value}
      </Text>
      <Text size="sm" c="dimmed">
        {props.hint}
      </Text>
    </Card>
  )
}

/** Best customers: predicted customer value (CLV), how revenue concentrates, and every customer by value. */
export function ValueView(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const value = useValueOverview()
  if (value.isPending) return <PageLoader />
  if (value.isError) return <ErrorNotice error={value.error} onRetry={() => void value.refetch()} />
  if (!value.data) return <NoRunYet />
  const v = value.data
  const days = fmt.number(v.run.horizonDays)
  // The tiers are cumulative bands (top 1 %, then to 5 %, then to 20 %): their sum is the top 20 %.
  const top20 = v.tiers.filter((tier) => TOP_20.has(tier.tier))
  const top20Share = top20.reduce((sum, tier) => sum + tier.revenueShare, 0)
  const top20Customers = top20.reduce((sum, tier) => sum + tier.customers, 0)
  return (
    <Stack gap="lg">
      {v.run.bgnbd === null && <Alert color="yellow">{t('value.noModel')}</Alert>}
      <SimpleGrid cols={3} spacing="lg">
        <Kpi
          testId="kpi-total-clv"
          label={t('value.kpi.totalClv', { days })}
          value={v.totalClvSatang === null ? t('list.none') : fmt.baht(v.totalClvSatang, true)}
          hint={t('value.kpi.totalClvHint', { rate: fmt.percent(v.run.annualDiscountRate) })}
        />
        <Kpi
          testId="kpi-pareto"
          label={t('value.kpi.pareto')}
          value={v.customerShareFor80 === null ? t('list.none') : fmt.percent(v.customerShareFor80)}
          hint={t('value.kpi.paretoHint')}
        />
        <Kpi
          testId="kpi-top20"
          label={t('value.kpi.top20')}
          value={fmt.percent(top20Share)}
          hint={t('value.kpi.top20Hint', { customers: fmt.number(top20Customers) })}
        />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={7}>
          <ClvChart bins={v.clvHistogram} horizonDays={v.run.horizonDays} />
        </Grid.Col>
        <Grid.Col span={5}>
          <ValueTiers tiers={v.tiers} />
        </Grid.Col>
      </Grid>
      <Title order={3}>{t('value.top.title')}</Title>
      <Text size="sm" c="dimmed" mt={-8}>
        {t('value.top.hint', { days })}
      </Text>
      <CustomerListTable
        list="best_customers"
        exportTitle={t('value.top.title')}
        testId="top-customers"
        printButtons={<PrintButton request={{ report: 'value' }} />}
      />
    </Stack>
  )
}
