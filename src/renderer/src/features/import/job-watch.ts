import { call } from '../../api/client'

// Notices the end of an import job outside React, so the data views refresh even when the Import page is no
// longer open. The job's last progress event says it ended; a slow poll covers an event that never came.

const FALLBACK_POLL_MS = 1000
const ENDED = new Set(['done', 'rejected', 'cancelled', 'failed'])
const watched = new Set<string>()

export function watchImportJob(jobId: string, onEnd: () => Promise<void> | void): void {
  if (watched.has(jobId)) return
  watched.add(jobId)
  let ended = false
  const end = (): void => {
    if (ended) return
    ended = true
    unsubscribe()
    clearInterval(timer)
    void onEnd()
  }
  const unsubscribe = window.lukkha.onEvent((event) => {
    if (
      event.task === 'import' &&
      event.jobId === jobId &&
      ENDED.has(event.phase.replace('import.phase.', ''))
    )
      end()
  })
  const timer = setInterval(() => {
    call('importJob', { jobId }).then(
      (job) => {
        if (job.state !== 'running') end()
      },
      () => end(), // the job is gone (not_found): nothing more will come
    )
  }, FALLBACK_POLL_MS)
}
