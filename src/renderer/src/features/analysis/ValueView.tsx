import { Alert, Card, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { PrintButton } from '../reports/PrintButton'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueTier } from '../../../../shared/api/analysis'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ExportListButton } from '../../components/ExportListButton'
import { useExportHeaders } from './exportHeaders'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ClvChart } from './ClvChart'
import { CustomerDrawer } from './CustomerDrawer'
import { CustomerShortList } from './CustomerShortList'
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

/** The Value tab: predicted customer value (CLV), how revenue concentrates, the best and the at-risk. */
export function ValueView(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const value = useValueOverview()
  const [openCustomer, setOpenCustomer] = useState<number | null>(null)
  const exportText = useExportHeaders()
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
      <Group justify="flex-end" gap="xs">
        <PrintButton request={{ report: 'value' }} />
        <PrintButton request={{ report: 'call-list', source: 'at_risk' }} label="callList" />
      </Group>
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
      <Grid gap="lg">
        <Grid.Col span={6}>
          <CustomerShortList
            testId="top-customers"
            title={t('value.top.title')}
            hint={t('value.top.hint', { days })}
            empty={t('value.top.empty')}
            customers={v.topCustomers}
            columns={['clv', 'monetary']}
            onOpen={setOpenCustomer}
            actions={
              <ExportListButton
                disabled={v.topCustomers.length === 0}
                exportFile={(format) =>
                  call('exportCustomerList', {
                    list: 'best_customers',
                    format,
                    title: t('value.top.title'),
                    ...exportText,
                  })
                }
              />
            }
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <CustomerShortList
            testId="at-risk-customers"
            title={t('value.atRisk.title')}
            hint={t('value.atRisk.hint')}
            empty={t('value.atRisk.empty')}
            customers={v.atRisk}
            columns={['monetary', 'churn']}
            onOpen={setOpenCustomer}
            actions={
              <ExportListButton
                disabled={v.atRisk.length === 0}
                exportFile={(format) =>
                  call('exportCustomerList', {
                    list: 'at_risk',
                    format,
                    title: t('value.atRisk.title'),
                    ...exportText,
                  })
                }
              />
            }
          />
        </Grid.Col>
      </Grid>
      <CustomerDrawer customerId={openCustomer} onClose={() => setOpenCustomer(null)} />
    </Stack>
  )
}
