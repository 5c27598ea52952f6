import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import { isJobOf, jobSchema, type JobKind, type JobOf } from '../../src/shared/api/jobs'

/** Waits (on the registry, no polling) until the job has ended, then answers getJob as the renderer sees it. */
export async function waitForJob<K extends JobKind>(
  ctx: ApiContext,
  jobId: string,
  kind: K,
): Promise<JobOf<K>> {
  await ctx.jobs.wait(jobId)
  return getJob(ctx, jobId, kind)
}

/** getJob through dispatch (the contract's check included), narrowed to its kind. */
export async function getJob<K extends JobKind>(ctx: ApiContext, jobId: string, kind: K): Promise<JobOf<K>> {
  const answer = await dispatch('getJob', { jobId }, ctx)
  if (!answer.ok) throw new Error(`getJob failed: ${answer.error.code}: ${answer.error.message}`)
  const job = jobSchema.parse(answer.data)
  if (!isJobOf(job, kind)) throw new Error(`job ${jobId} is ${job.kind}, not ${kind}`)
  return job
}
