import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Settings, SettingsUpdate } from '../../../../shared/api/settings'
import { call } from '../../api/client'
import { setLanguage } from '../../i18n'

export const settingsKeys = {
  all: ['settings'] as const,
  current: () => [...settingsKeys.all, 'current'] as const,
}

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.current(), queryFn: () => call('getSettings') })
}

/**
 * Every settings mutation answers with the new settings, which replace the cached ones at once. The language
 * switches first, so the next render is already in it (no screen in between).
 */
function useSettingsMutation<V>(mutationFn: (variables: V) => Promise<Settings>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: (settings) => {
      setLanguage(settings.language)
      client.setQueryData(settingsKeys.current(), settings)
    },
  })
}

export const useUpdateSettings = () =>
  useSettingsMutation((update: SettingsUpdate) => call('updateSettings', update))
export const useSetLogo = () => useSettingsMutation((dataUrl: string) => call('setLogo', { dataUrl }))
export const useClearLogo = () => useSettingsMutation(() => call('clearLogo'))
