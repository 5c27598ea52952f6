import { useQuery } from '@tanstack/react-query'
import { call } from './client'
import { dashboardKeys } from '../features/dashboard/queries'

/** The days the stored sales cover (first and last sale, today); refreshes with the dashboard's queries. */
export function useSalesPeriod() {
  return useQuery({ queryKey: [...dashboardKeys.all, 'salesPeriod'], queryFn: () => call('getSalesPeriod') })
}
