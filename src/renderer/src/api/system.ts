import { useQuery } from '@tanstack/react-query'
import { call } from './client'

// Queries every feature may use: whether the database holds data, and facts about the app.
export const systemKeys = {
  all: ['system'] as const,
  shopStatus: () => [...systemKeys.all, 'shopStatus'] as const,
  appInfo: () => [...systemKeys.all, 'appInfo'] as const,
}

/** Whether the shop holds any data (what getStats would say, without counting every row). */
export function useShopStatus() {
  return useQuery({ queryKey: systemKeys.shopStatus(), queryFn: () => call('getShopStatus') })
}

export function useAppInfo() {
  return useQuery({ queryKey: systemKeys.appInfo(), queryFn: () => call('getAppInfo'), staleTime: Infinity })
}
