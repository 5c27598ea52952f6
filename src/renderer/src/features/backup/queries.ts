import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { call } from '../../api/client'
import { noteJobStarted, onJobFinished } from '../../api/jobs'

export const backupKeys = {
  all: ['backup'] as const,
  health: () => [...backupKeys.all, 'health'] as const,
  list: () => [...backupKeys.all, 'list'] as const,
}

/** The start-up check's verdict; 'corrupt' shows the recovery screen instead of the app. */
export function useHealth() {
  return useQuery({ queryKey: backupKeys.health(), queryFn: () => call('getHealth') })
}

export function useBackups() {
  return useQuery({ queryKey: backupKeys.list(), queryFn: () => call('listBackups') })
}

export function useStartBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('startBackup'),
    onSuccess: ({ jobId }) => noteJobStarted(client, 'backup', jobId, 'backup.phase.copying'),
  })
}

/** Asks the main process to ask the user for a file (its save dialog) and back up there; jobId null: closed. */
export function useStartFileBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('startBackupToFile'),
    onSuccess: ({ jobId }) => {
      if (jobId) noteJobStarted(client, 'backup-file', jobId, 'backup-file.phase.copying')
    },
  })
}

export function useStartRestore() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (backupId: string) => call('startRestore', { backupId }),
    onSuccess: ({ jobId }) => noteJobStarted(client, 'restore', jobId, 'restore.phase.checking'),
  })
}

export function useStartFresh() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('startFresh'),
    onSuccess: () => everythingChanged(client),
  })
}

/** After a restore or a fresh start every figure the app holds may have changed. */
export function everythingChanged(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'jobs' })
}

// A finished backup adds to the list; a finished restore changes every figure of the app (and its health).
// Registered here, where the recovery screen and the backups page both load it.
onJobFinished('backup', (_job, client) => void client.invalidateQueries({ queryKey: backupKeys.all }))
onJobFinished('restore', (_job, client) => everythingChanged(client))
