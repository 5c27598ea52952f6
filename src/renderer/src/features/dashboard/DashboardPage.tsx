import { Alert, Grid, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { KpiGrid } from './KpiGrid'
import { useDashboard } from './queries'
import { RevenueChart } from './RevenueChart'
import { TopProducts } from './TopProducts'
import { TasksCard } from './TasksCard'

export function DashboardPage(): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const fmt = useFormat()
  const dashboard = useDashboard()
  if (dashboard.isPending) return <PageLoader />
  if (dashboard.isError)
    return <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />
  const d = dashboard.data
  const noSales = d.monthlyRevenue.every((m) => m.receipts === 0)
  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} subtitle={t('subtitle', { date: fmt.date(d.asOf) })} />
      {noSales && <Alert color="blue">{t('empty')}</Alert>}
      <KpiGrid dashboard={d} />
      <TasksCard />
      <Grid gap="lg">
        <Grid.Col span={7}>
          <RevenueChart months={d.monthlyRevenue} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TopProducts products={d.topProducts} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
