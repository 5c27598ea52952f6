import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import type { ImportOptionsDto } from '../../../../shared/api/import'
import { isJobOf } from '../../../../shared/api/jobs'
import { call } from '../../api/client'
import { cancelJob, jobKeys, onJobFinished, useJob } from '../../api/jobs'
import { dataChanged, useOnImported } from './onImported'
import { saveTextFile } from './transfer'

export const importKeys = {
  all: ['import'] as const,
  preview: (fileId: string, options: ImportOptionsDto) =>
    [...importKeys.all, 'preview', fileId, options] as const,
  history: () => [...importKeys.all, 'history'] as const,
  merges: (importId?: number) => [...importKeys.all, 'merges', importId ?? 'open'] as const,
}

/** How the file reads with the options chosen so far; the previous answer stays on screen while the next loads. */
export function usePreview(fileId: string, options: ImportOptionsDto) {
  return useQuery({
    queryKey: importKeys.preview(fileId, options),
    queryFn: () => call('importPreview', { fileId, options }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  })
}

/** The import job, kept current by its events (the one job hook, api/jobs.ts). */
export const useImportJob = (jobId: string) => useJob(jobId, 'import')

// When an import ends, the data views refresh even if the Import page has closed meanwhile.
onJobFinished('import', (job, client) => {
  void (async () => {
    const full = await call('getJob', { jobId: job.jobId })
    client.setQueryData(jobKeys.one(job.jobId), full)
    const importId = isJobOf(full, 'import') ? (full.result?.importId ?? null) : null
    if (full.state === 'done' && importId !== null) dataChanged(client, { importId, kind: 'imported' })
    // a rejected file still leaves a line in the history
    else void client.invalidateQueries({ queryKey: importKeys.history() })
  })()
})

export function useImportHistory() {
  return useQuery({ queryKey: importKeys.history(), queryFn: () => call('importHistory') })
}

/** The open merge suggestions of every import, or all of one import's. */
export function useMergeSuggestions(importId?: number) {
  return useQuery({
    queryKey: importKeys.merges(importId),
    queryFn: () => call('importMergeSuggestions', importId === undefined ? { status: 'open' } : { importId }),
  })
}

/** Starts the import; when it ends, the data views refresh (above) even if the page has closed. */
export function useStartImport() {
  return useMutation({
    mutationFn: (input: { fileId: string; options: ImportOptionsDto; validRowsOnly?: boolean }) =>
      call('startImport', input),
  })
}

export function useCancelImport() {
  return useMutation({ mutationFn: cancelJob })
}

export function useUndoImport() {
  const onImported = useOnImported()
  return useMutation({
    mutationFn: (importId: number) => call('importUndo', { importId }),
    onSuccess: (result) => onImported({ importId: result.importId, kind: 'undone' }),
  })
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: () => call('importTemplate'),
    onSuccess: ({ fileName, csv }) => saveTextFile(fileName, csv),
  })
}

export function useDownloadRejected() {
  return useMutation({
    mutationFn: (jobId: string) => call('importRejectedRows', { jobId }),
    onSuccess: ({ fileName, csv }) => saveTextFile(fileName, csv),
  })
}

/** Hands the uploaded copy back when the user is done with a file. */
export function useDiscardFile() {
  return useMutation({ mutationFn: (fileId: string) => call('importDiscard', { fileId }) })
}
