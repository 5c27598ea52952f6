import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ImportOptionsDto } from '../../../../shared/api/import'
import { call } from '../../api/client'
import { watchImportJob } from './job-watch'
import { useOnImported } from './onImported'
import { saveTextFile } from './transfer'

export const importKeys = {
  all: ['import'] as const,
  preview: (fileId: string, options: ImportOptionsDto) =>
    [...importKeys.all, 'preview', fileId, options] as const,
  job: (jobId: string) => [...importKeys.all, 'job', jobId] as const,
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

/** The job's state; polled while it runs (progress also arrives as events, see useJobProgress). */
export function useImportJob(jobId: string) {
  return useQuery({
    queryKey: importKeys.job(jobId),
    queryFn: () => call('importJob', { jobId }),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 400 : false),
    staleTime: 0,
  })
}

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

/** Starts the import; when it ends, the data views refresh (useOnImported) even if the page has closed. */
export function useStartImport() {
  const client = useQueryClient()
  const onImported = useOnImported()
  return useMutation({
    mutationFn: (input: { fileId: string; options: ImportOptionsDto; validRowsOnly?: boolean }) =>
      call('importStart', input),
    onSuccess: ({ jobId }) => {
      watchImportJob(jobId, async () => {
        const job = await call('importJob', { jobId })
        client.setQueryData(importKeys.job(jobId), job)
        const importId = job.summary?.importId ?? null
        if (job.state === 'done' && importId !== null) onImported({ importId, kind: 'imported' })
        // a rejected file still leaves a line in the history
        else void client.invalidateQueries({ queryKey: importKeys.history() })
      })
    },
  })
}

export function useCancelImport() {
  return useMutation({ mutationFn: (jobId: string) => call('importCancel', { jobId }) })
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
