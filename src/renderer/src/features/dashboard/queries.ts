import { useQuery } from '@tanstack/react-query'
import { localToday } from '../../../../shared/calendar'
import { call } from '../../api/client'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (asOf: string) => [...dashboardKeys.all, 'summary', asOf] as const,
}

/** The dashboard's figures for today on this computer's clock (the shop's). */
export function useDashboard() {
  const asOf = localToday()
  return useQuery({ queryKey: dashboardKeys.summary(asOf), queryFn: () => call('getDashboard', { asOf }) })
}
