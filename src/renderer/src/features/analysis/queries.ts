import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { SegmentCustomersQuery } from '../../../../shared/api/analysis'
import { call } from '../../api/client'

// Every query of the analysis pages sits under ['analysis'], so a finished run refreshes them all at once
// (see analysisJob.ts). Cohorts come stored with the latest run, so they refresh with it too.
export const analysisKeys = {
  all: ['analysis'] as const,
  run: () => [...analysisKeys.all, 'run'] as const,
  segments: () => [...analysisKeys.all, 'segments'] as const,
  segmentCustomers: (query: SegmentCustomersQuery) =>
    [...analysisKeys.all, 'segmentCustomers', query] as const,
  value: () => [...analysisKeys.all, 'value'] as const,
  customer: (customerId: number) => [...analysisKeys.all, 'customer', customerId] as const,
  cohorts: (months: number | null) => [...analysisKeys.all, 'cohorts', months] as const,
}

/** The latest run's summary; null before the first run. */
export function useAnalysisRun() {
  return useQuery({ queryKey: analysisKeys.run(), queryFn: () => call('getAnalysisRun') })
}

/** The latest run's segments and RFM grid; null before the first run. */
export function useSegmentsOverview() {
  return useQuery({ queryKey: analysisKeys.segments(), queryFn: () => call('getSegmentsOverview') })
}

/** One page of a segment's customers; the previous page stays on screen while the next one loads. */
export function useSegmentCustomers(query: SegmentCustomersQuery) {
  return useQuery({
    queryKey: analysisKeys.segmentCustomers(query),
    queryFn: () => call('listSegmentCustomers', query),
    placeholderData: keepPreviousData,
  })
}

export function useValueOverview() {
  return useQuery({ queryKey: analysisKeys.value(), queryFn: () => call('getValueOverview') })
}

/** One customer's scores and churn explanation in the latest run (null when not scored). */
export function useCustomerAnalysis(customerId: number | null) {
  return useQuery({
    queryKey: analysisKeys.customer(customerId ?? 0),
    queryFn: () => call('getCustomerAnalysis', { customerId: customerId ?? 0 }),
    enabled: customerId !== null,
  })
}

/** Acquisition cohorts of the last `months` months (all when null). */
export function useCohorts(months: number | null) {
  return useQuery({
    queryKey: analysisKeys.cohorts(months),
    queryFn: () => call('getCohorts', months === null ? {} : { months }),
  })
}
