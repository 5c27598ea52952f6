import { Box, Grid, Skeleton, Stack } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AfterFirstPaint } from '../../components/AfterFirstPaint'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FiguresAsOf, StaleDataNotice } from '../../components/FiguresAsOf'
import { PageHeader } from '../../components/PageHeader'
import { EmptyDashboard } from './EmptyDashboard'
import { KpiGrid, KpiGridOutline } from './KpiGrid'
import { useDashboardKpis } from './queries'
import { TopProducts } from './TopProducts'
import { TasksCard } from './TasksCard'
import { RetentionCards } from '../retention/cards/RetentionCards'

// The chart's code (chart.js) loads after the KPI cards are drawn, not before them; meanwhile a placeholder
// of the card's height (title, 300 px chart, padding) keeps the page from jumping.
const RevenueChart = lazy(() => import('./RevenueChart').then((m) => ({ default: m.RevenueChart })))
const CHART_CARD_HEIGHT = 372
// the line under the title (the day the figures are for, and its picker) before the figures come
const AS_OF_LINE_HEIGHT = 30

/**
 * The first screen. Its figures are for one day, the last sale's by default (as the analysis pages), or one
 * the user picks (kept in the URL, ?asOf=YYYY-MM-DD). Each card is its own component: add a card with one line.
 * The KPIs come first; the chart and best sellers load on their own queries and show a placeholder meanwhile.
 */
export function DashboardPage(): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const [params, setParams] = useSearchParams()
  const chosen = params.get('asOf')
  const dashboard = useDashboardKpis(chosen)
  if (dashboard.isPending) {
    // the title and the cards' outlines, as the page's static frame draws them (no jump when it goes)
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title={t('title')} subtitle={<Box h={AS_OF_LINE_HEIGHT} />} />
        <KpiGridOutline />
      </Stack>
    )
  }
  if (dashboard.isError)
    return <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />
  const d = dashboard.data
  const period = { firstSaleDate: null, lastSaleDate: d.lastSaleDate, today: d.today }
  if (d.lastSaleDate === null) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('title')} subtitle={<FiguresAsOf asOf={null} period={period} />} />
        <EmptyDashboard />
      </Stack>
    )
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('title')}
        subtitle={
          <FiguresAsOf
            asOf={d.asOf}
            period={period}
            onPick={(date) => setParams(date && date !== d.lastSaleDate ? { asOf: date } : {})}
          />
        }
      />
      <StaleDataNotice period={period} />
      <KpiGrid dashboard={d} />
      {/* the cards below the KPIs are drawn a frame after them (their own queries show placeholders) */}
      <AfterFirstPaint>
        <RetentionCards asOf={d.asOf} />
        <TasksCard />
        <Grid gap="lg">
          <Grid.Col span={7}>
            <Suspense
              fallback={<Skeleton h={CHART_CARD_HEIGHT} radius="md" data-testid="revenue-chart-loading" />}
            >
              <RevenueChart asOf={chosen} />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={5}>
            <TopProducts asOf={chosen} />
          </Grid.Col>
        </Grid>
      </AfterFirstPaint>
    </Stack>
  )
}
