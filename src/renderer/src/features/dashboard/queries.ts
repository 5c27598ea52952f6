import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { call } from '../../api/client'

// Each dashboard card has its own query, so a card shows as soon as its figures arrive and a slow card never
// holds the first screen back. `asOf` null means the day of the last sale, as the analysis measures.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  kpis: (asOf: string | null) => [...dashboardKeys.all, 'kpis', asOf] as const,
  monthlyRevenue: (asOf: string | null) => [...dashboardKeys.all, 'monthlyRevenue', asOf] as const,
  topProducts: (asOf: string | null) => [...dashboardKeys.all, 'topProducts', asOf] as const,
}

const input = (asOf: string | null) => (asOf ? { asOf } : {})

const monthlyRevenueQuery = (asOf: string | null) => ({
  queryKey: dashboardKeys.monthlyRevenue(asOf),
  queryFn: () => call('getDashboardMonthlyRevenue', input(asOf)),
})

const topProductsQuery = (asOf: string | null) => ({
  queryKey: dashboardKeys.topProducts(asOf),
  queryFn: () => call('getDashboardTopProducts', input(asOf)),
})

/** The KPI cards (and the page's as-of line); asks for the other cards at the same time. */
export function useDashboardKpis(asOf: string | null) {
  const client = useQueryClient()
  useEffect(() => {
    // errors show in the card that uses the query
    client.query(monthlyRevenueQuery(asOf)).catch(() => undefined)
    client.query(topProductsQuery(asOf)).catch(() => undefined)
  }, [client, asOf])
  return useQuery({
    queryKey: dashboardKeys.kpis(asOf),
    queryFn: () => call('getDashboardKpis', input(asOf)),
  })
}

/** The monthly revenue card's figures. */
export function useMonthlyRevenue(asOf: string | null) {
  return useQuery(monthlyRevenueQuery(asOf))
}

/** The best sellers card's figures. */
export function useTopProducts(asOf: string | null) {
  return useQuery(topProductsQuery(asOf))
}
