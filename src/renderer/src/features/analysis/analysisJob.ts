import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { RunAnalysisInput } from '../../../../shared/api/analysis'
import type { JobSummary } from '../../../../shared/api/job-shape'
import { call } from '../../api/client'
import { jobKeys, noteJobStarted, onJobFinished, onJobPhase, useLatestJob } from '../../api/jobs'
import { asApiError } from '../../components/errorText'
import { analysisKeys } from './queries'

// "Run the analysis with progress", for every page that changes the sales (the demo, an import) and for the
// analysis pages themselves. The job is followed by the one job hook (src/renderer/src/api/jobs.ts): its
// state lives in the query cache, so it survives a change of page (the demo starts a run on the welcome
// screen and the Segments page, opened a moment later, shows its bar).

// A stored run changes every analysis page. They refresh as soon as the run is stored ('analysis.phase.done':
// the job then deletes the runs no longer kept and brings the customers' totals up to date, which the pages
// need not wait for), and again when the job has ended.
onJobPhase('analysis', 'analysis.phase.done', (_job, client) => {
  void client.invalidateQueries({ queryKey: analysisKeys.all })
})
onJobFinished('analysis', (job, client) => {
  if (job.state === 'done') void client.invalidateQueries({ queryKey: analysisKeys.all })
})

/**
 * Starts an analysis (or joins the one already running); its progress then shows through useRunAnalysis.
 * A failure to start (e.g. no sales yet) shows there too, as a failed job, so callers need no try/catch.
 */
export async function startAnalysis(client: QueryClient, options?: RunAnalysisInput): Promise<void> {
  try {
    const { jobId } = await call('startAnalysis', options)
    noteJobStarted(client, 'analysis', jobId, 'analysis.phase.starting')
  } catch (error) {
    const failed: JobSummary = {
      jobId: '',
      kind: 'analysis',
      state: 'failed',
      phase: 'analysis.phase.failed',
      done: 0,
      total: null,
      error: asApiError(error),
      startedAt: '',
      finishedAt: null,
    }
    client.setQueryData(jobKeys.latest('analysis'), failed)
  }
}

/**
 * The analysis job of this window (the one running or the last one) and a function to start one. For the
 * import page: `const analysis = useRunAnalysis()`, then `analysis.start()` after a successful import and
 * `<AnalysisProgress />` (from this folder) to show its bar.
 */
export function useRunAnalysis(): {
  job: JobSummary | null
  running: boolean
  start: (options?: RunAnalysisInput) => Promise<void>
} {
  const queryClient = useQueryClient()
  const job = useLatestJob('analysis').data ?? null
  const start = useCallback(
    (options?: RunAnalysisInput) => startAnalysis(queryClient, options),
    [queryClient],
  )
  return { job, running: job?.state === 'running' || job?.state === 'queued', start }
}
