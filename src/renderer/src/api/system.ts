import { useQuery } from '@tanstack/react-query'
import { call } from './client'

// Queries every feature may use: counts of what the database holds and facts about the app.
export const systemKeys = {
  all: ['system'] as const,
  stats: () => [...systemKeys.all, 'stats'] as const,
  shopStatus: () => [...systemKeys.all, 'shopStatus'] as const,
  appInfo: () => [...systemKeys.all, 'appInfo'] as const,
}

export function useStats() {
  return useQuery({ queryKey: systemKeys.stats(), queryFn: () => call('getStats') })
}

/** Whether the shop holds any data (cheaper than useStats: nothing is counted). */
export function useShopStatus() {
  return useQuery({ queryKey: systemKeys.shopStatus(), queryFn: () => call('getShopStatus') })
}

export function useAppInfo() {
  return useQuery({ queryKey: systemKeys.appInfo(), queryFn: () => call('getAppInfo'), staleTime: Infinity })
}
