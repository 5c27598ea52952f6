import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { RetentionList } from '../../../../shared/api/retention'
import { call } from '../../api/client'
import { dashboardKeys } from '../dashboard/queries'

// Under the dashboard's key, so whatever refreshes the dashboard's figures (an import, an undo) refreshes these.
const keys = {
  all: [...dashboardKeys.all, 'retention'] as const,
  list: (list: RetentionList, asOf: string | null) => [...keys.all, 'list', list, asOf] as const,
  view: (view: string, asOf: string | null) => [...keys.all, view, asOf] as const,
}

const input = (asOf: string | null) => (asOf ? { asOf } : {})

export function useRetentionList(list: RetentionList, asOf: string | null) {
  return useQuery({
    queryKey: keys.list(list, asOf),
    queryFn: () => call('getRetentionList', { list, ...input(asOf) }),
    placeholderData: keepPreviousData,
  })
}

export function useSecondPurchase(asOf: string | null) {
  return useQuery({
    queryKey: keys.view('second', asOf),
    queryFn: () => call('getSecondPurchase', input(asOf)),
  })
}

export function useChurnByMonth(asOf: string | null) {
  return useQuery({ queryKey: keys.view('churn', asOf), queryFn: () => call('getChurnByMonth', input(asOf)) })
}

export function useAcquisition(asOf: string | null) {
  return useQuery({
    queryKey: keys.view('acquisition', asOf),
    queryFn: () => call('getAcquisition', input(asOf)),
  })
}

export function useRevenueGrowth(asOf: string | null) {
  return useQuery({
    queryKey: keys.view('revenue', asOf),
    queryFn: () => call('getRevenueGrowth', input(asOf)),
  })
}

export function useReferralSummary(asOf: string | null) {
  return useQuery({
    queryKey: keys.view('referrals', asOf),
    queryFn: () => call('getReferralSummary', input(asOf)),
  })
}

export function useAtRiskCard(asOf: string) {
  return useQuery({
    queryKey: keys.view('card-at-risk', asOf),
    queryFn: () => call('getAtRiskCard', { asOf }),
  })
}

export function useNewCustomersCard(asOf: string) {
  return useQuery({
    queryKey: keys.view('card-new', asOf),
    queryFn: () => call('getNewCustomersCard', { asOf }),
  })
}

export function useSecondPurchaseCard(asOf: string) {
  return useQuery({
    queryKey: keys.view('card-second', asOf),
    queryFn: () => call('getSecondPurchaseCard', { asOf }),
  })
}
