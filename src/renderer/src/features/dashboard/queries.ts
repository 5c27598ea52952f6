import { useQuery } from '@tanstack/react-query'
import { call } from '../../api/client'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (asOf: string | null) => [...dashboardKeys.all, 'summary', asOf] as const,
}

/** The dashboard's figures for `asOf`, or (null) for the day of the last sale, as the analysis measures. */
export function useDashboard(asOf: string | null) {
  return useQuery({
    queryKey: dashboardKeys.summary(asOf),
    queryFn: () => call('getDashboard', asOf ? { asOf } : {}),
  })
}
