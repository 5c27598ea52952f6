import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Settings, SettingsUpdate } from '../../../../shared/api/settings'
import { call } from '../../api/client'

export const settingsKeys = {
  all: ['settings'] as const,
  current: () => [...settingsKeys.all, 'current'] as const,
}

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.current(), queryFn: () => call('getSettings') })
}

/** Every settings mutation answers with the new settings, which replace the cached ones at once. */
function useSettingsMutation<V>(mutationFn: (variables: V) => Promise<Settings>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: (settings) => client.setQueryData(settingsKeys.current(), settings),
  })
}

export const useUpdateSettings = () =>
  useSettingsMutation((update: SettingsUpdate) => call('updateSettings', update))
export const useSetLogo = () => useSettingsMutation((dataUrl: string) => call('setLogo', { dataUrl }))
export const useClearLogo = () => useSettingsMutation(() => call('clearLogo'))
