import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CampaignStatus, CampaignTarget, CreateCampaignInput } from '../../../../shared/api/campaigns'
import type { CustomerFilter } from '../../../../shared/api/customers'
import { call } from '../../api/client'

export const campaignsKeys = {
  all: ['campaigns'] as const,
  list: (status?: CampaignStatus) => [...campaignsKeys.all, 'list', status ?? 'all'] as const,
  one: (id: number) => [...campaignsKeys.all, 'one', id] as const,
  results: (id: number) => [...campaignsKeys.all, 'results', id] as const,
  members: (id: number) => [...campaignsKeys.all, 'members', id] as const,
  preview: (target: CampaignTarget | null) => [...campaignsKeys.all, 'preview', target] as const,
  savedFilters: () => [...campaignsKeys.all, 'saved-filters'] as const,
}

/** The campaigns, newest window first; `status: 'open'` for the running ones (the dashboard's card). */
export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: campaignsKeys.list(status),
    queryFn: async () => (await call('listCampaigns', status ? { status } : undefined)).campaigns,
    refetchOnMount: 'always',
  })
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: campaignsKeys.one(id),
    queryFn: () => call('getCampaign', { id }),
    refetchOnMount: 'always',
  })
}

/** Read from the receipts on every fetch: sales imported later show up here without any step. */
export function useCampaignResults(id: number) {
  return useQuery({
    queryKey: campaignsKeys.results(id),
    queryFn: () => call('getCampaignResults', { id }),
    refetchOnMount: 'always',
  })
}

export function useCampaignMembers(id: number) {
  return useQuery({
    queryKey: campaignsKeys.members(id),
    queryFn: async () => (await call('listCampaignMembers', { id })).members,
    refetchOnMount: 'always',
  })
}

export function useTargetPreview(target: CampaignTarget | null) {
  return useQuery({
    queryKey: campaignsKeys.preview(target),
    queryFn: () => call('previewCampaignTarget', { target: target as CampaignTarget }),
    enabled: target !== null,
    retry: false,
  })
}

export function useSavedFilters() {
  return useQuery({
    queryKey: campaignsKeys.savedFilters(),
    queryFn: async () => (await call('listSavedFilters')).filters,
  })
}

export function useCreateCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateCampaignInput) => call('createCampaign', input),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKeys.all }),
  })
}

export function useDeleteCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => call('deleteCampaign', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKeys.all }),
  })
}

export function useSaveCustomerFilter() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { name: string; filter: CustomerFilter }) => call('saveCustomerFilter', input),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKeys.savedFilters() }),
  })
}
