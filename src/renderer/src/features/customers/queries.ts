import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CustomerFilter, CustomerSortColumn } from '../../../../shared/api/customers'
import { call } from '../../api/client'

export const customerKeys = {
  all: ['customers'] as const,
  page: (filter: CustomerFilter, sort: CustomerSortColumn, direction: 'asc' | 'desc', page: number) =>
    [...customerKeys.all, 'page', filter, sort, direction, page] as const,
  facets: () => [...customerKeys.all, 'facets'] as const,
  profile: (id: number) => [...customerKeys.all, 'profile', id] as const,
  search: (text: string) => [...customerKeys.all, 'search', text] as const,
  duplicates: () => [...customerKeys.all, 'duplicates'] as const,
  merges: () => [...customerKeys.all, 'merges'] as const,
  tasksDue: (asOf: string) => [...customerKeys.all, 'tasksDue', asOf] as const,
  requestsOpen: (today: string) => [...customerKeys.all, 'requestsOpen', today] as const,
  requestsClosed: () => [...customerKeys.all, 'requestsClosed'] as const,
}

export const PAGE_SIZE = 200

export function useCustomerPage(
  filter: CustomerFilter,
  sort: CustomerSortColumn,
  direction: 'asc' | 'desc',
  page: number,
) {
  return useQuery({
    queryKey: customerKeys.page(filter, sort, direction, page),
    queryFn: () =>
      call('customersList', { ...filter, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: page === 0 ? keepPreviousData : undefined,
  })
}

export function useFacets() {
  return useQuery({ queryKey: customerKeys.facets(), queryFn: () => call('customersFacets') })
}

export function useProfile(id: number) {
  return useQuery({
    queryKey: customerKeys.profile(id),
    queryFn: () => call('customerProfile', { customerId: id }),
  })
}

export function useCustomerSearch(text: string) {
  return useQuery({
    queryKey: customerKeys.search(text),
    queryFn: () => call('customersSearch', { text, limit: 10 }),
    enabled: text.trim().length > 0,
  })
}

export function useDuplicates() {
  return useQuery({ queryKey: customerKeys.duplicates(), queryFn: () => call('customersDuplicates', {}) })
}

export function useMerges() {
  return useQuery({ queryKey: customerKeys.merges(), queryFn: () => call('customersMerges') })
}

export function useTasksDue(asOf: string) {
  return useQuery({ queryKey: customerKeys.tasksDue(asOf), queryFn: () => call('tasksDue', { asOf }) })
}

/** The PDPA request register: the open requests (overdue as of `today`) and the closed ones. */
export function useOpenRequests(today: string) {
  return useQuery({
    queryKey: customerKeys.requestsOpen(today),
    queryFn: () => call('subjectRequestsOpen', { today }),
  })
}

export function useClosedRequests() {
  return useQuery({
    queryKey: customerKeys.requestsClosed(),
    queryFn: () => call('subjectRequestsClosed', {}),
  })
}

/** Every customer query refreshes after a change (lists, profiles, tasks and duplicates hang together). */
export function useCustomerMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  })
}
