import type { Job, jobsContract } from '../../shared/api/jobs'
import type { Handlers } from './handler'

// The jobs API: one registry (ctx.jobs, src/main/jobs) for every kind; getJob's output is checked against
// the kind's schema in the contract (src/shared/api/jobs.ts) by dispatch.

export const jobsHandlers: Handlers<typeof jobsContract> = {
  // The contract's parse checks the result against the job's kind; the registry's record is that shape.
  getJob: ({ jobId }, ctx) => ctx.jobs.snapshot(jobId) as Job,
  cancelJob: ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  listJobs: (input, ctx) => ctx.jobs.list(input ?? {}).map(({ result: _result, ...summary }) => summary),
}
