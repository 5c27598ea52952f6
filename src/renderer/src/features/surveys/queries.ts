import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Input } from '../../../../shared/api'
import { call } from '../../api/client'
import { saveExportedFile } from '../../api/download'
import { cancelJob, onJobFinished, useJob } from '../../api/jobs'

export const surveysKeys = {
  all: ['surveys'] as const,
  template: () => [...surveysKeys.all, 'template'] as const,
  analysis: (from: string | null, to: string | null) => [...surveysKeys.all, 'analysis', from, to] as const,
  followUps: (status: string) => [...surveysKeys.all, 'followUps', status] as const,
}

export const useSurveyTemplate = () =>
  useQuery({ queryKey: surveysKeys.template(), queryFn: () => call('surveysTemplate') })

export function useSurveyAnalysis(from: string | null, to: string | null) {
  return useQuery({
    queryKey: surveysKeys.analysis(from, to),
    queryFn: () => call('surveysAnalysis', { ...(from ? { from } : {}), ...(to ? { to } : {}) }),
  })
}

export const useFollowUps = (status: 'open' | 'closed' | 'all') =>
  useQuery({ queryKey: surveysKeys.followUps(status), queryFn: () => call('surveysFollowUps', { status }) })

/** Anything that adds answers or closes a follow-up makes every survey figure stale. */
function useSurveyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: surveysKeys.all }),
  })
}

export const useRecordResponse = () =>
  useSurveyMutation((v: Input<'surveysRecord'>) => call('surveysRecord', v))
export const useCloseFollowUp = () =>
  useSurveyMutation((v: Input<'surveysCloseFollowUp'>) => call('surveysCloseFollowUp', v))

/** Starts the import of an answers file as a job; its progress and result come through the one job hook. */
export const useStartSurveyImport = () =>
  useMutation({ mutationFn: (v: Input<'surveysStartImport'>) => call('surveysStartImport', v) })
export const useSurveyImportJob = (jobId: string | null) => useJob(jobId, 'survey-import')
export const useCancelSurveyImport = () => useMutation({ mutationFn: (jobId: string) => cancelJob(jobId) })

// When an import of answers ends, every survey figure is stale (even if the page has closed meanwhile).
onJobFinished('survey-import', (_job, client) => {
  void client.invalidateQueries({ queryKey: surveysKeys.all })
})
export const useSaveTemplate = () =>
  useSurveyMutation((v: Input<'surveysSaveTemplate'>) => call('surveysSaveTemplate', v))
export const useFindPurchase = () =>
  useMutation({ mutationFn: (query: string) => call('surveysFindPurchase', { query }) })

export function useExportResponses() {
  return useMutation({
    mutationFn: (v: Input<'surveysExport'>) => call('surveysExport', v),
    onSuccess: saveExportedFile,
  })
}
