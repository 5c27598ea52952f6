import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { isJobFinished } from '../../../../shared/api/job-shape'
import type { JobOf } from '../../../../shared/api/jobs'
import type { BasketParams, BasketRules } from '../../../../shared/api/products'
import { call } from '../../api/client'
import { cancelJob, jobKeys, useJob } from '../../api/jobs'

export const productsKeys = {
  all: ['products'] as const,
  overview: () => [...productsKeys.all, 'overview'] as const,
  rulesJob: (params: BasketParams) => [...productsKeys.all, 'rules-job', params] as const,
  together: (productId: number) => [...productsKeys.all, 'together', productId] as const,
  suggestions: (customerId: number) => [...productsKeys.all, 'suggestions', customerId] as const,
  customers: (query: string) => [...productsKeys.all, 'customers', query] as const,
  targets: (bought: number, never: number) => [...productsKeys.all, 'targets', bought, never] as const,
}

export function useProductsOverview() {
  return useQuery({ queryKey: productsKeys.overview(), queryFn: () => call('getProductsOverview') })
}

/**
 * The rules at these settings, mined as a job (startBasketRules) followed by the one job hook: `job` is the
 * job now (state, phase, done/total; its result when done), `rules` the latest rules to show (those of
 * earlier settings while a new job works), `restart` mines again after a cancel or a failure. A job left
 * behind (other settings, the page closed) is cancelled.
 */
export function useBasketRulesJob(params: BasketParams): {
  job: JobOf<'baskets'> | null
  rules: BasketRules | null
  startError: unknown
  restart: () => void
} {
  const client = useQueryClient()
  const started = useQuery({
    queryKey: productsKeys.rulesJob(params),
    queryFn: () => call('startBasketRules', params),
    staleTime: Infinity,
  })
  const jobId = started.data?.jobId ?? null
  const job = useJob(jobId, 'baskets').data ?? null
  useEffect(() => {
    if (jobId === null) return
    return () => {
      const now = client.getQueryData<JobOf<'baskets'>>(jobKeys.one(jobId))
      if (now && isJobFinished(now.state)) return
      void cancelJob(jobId).catch(() => undefined)
      // the settings' next visit mines again rather than showing a cancelled job
      client.removeQueries({ queryKey: productsKeys.rulesJob(params), exact: true })
    }
    // params belong to jobId: the query that gave this id
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, client])
  // the last rules found stay on screen while new settings are mined
  const [last, setLast] = useState<BasketRules | null>(null)
  const result = job?.state === 'done' ? job.result : null
  if (result && result !== last) setLast(result)
  return {
    job,
    rules: result ?? last,
    startError: started.error,
    restart: () => void client.resetQueries({ queryKey: productsKeys.rulesJob(params), exact: true }),
  }
}

export function useBoughtTogether(productId: number | null) {
  return useQuery({
    queryKey: productsKeys.together(productId ?? 0),
    queryFn: () => call('getBoughtTogether', { productId: productId ?? 0 }),
    enabled: productId !== null,
  })
}

/** A customer's suggested products; the customer profile mounts CustomerSuggestions, which uses this. */
export function useCustomerSuggestions(customerId: number | null) {
  return useQuery({
    queryKey: productsKeys.suggestions(customerId ?? 0),
    queryFn: () => call('getCustomerSuggestions', { customerId: customerId ?? 0 }),
    enabled: customerId !== null,
  })
}

export function useSuggestionCustomers(query: string) {
  return useQuery({
    queryKey: productsKeys.customers(query),
    queryFn: () => call('searchSuggestionCustomers', { query }),
    placeholderData: keepPreviousData,
  })
}

export function useTargetList(bought: number | null, never: number | null) {
  return useQuery({
    queryKey: productsKeys.targets(bought ?? 0, never ?? 0),
    queryFn: () => call('getBasketTargetList', { boughtProductId: bought ?? 0, neverProductId: never ?? 0 }),
    enabled: bought !== null && never !== null && bought !== never,
  })
}
