import type { Job, JobKind, JobOf } from './jobs'

// A job's states and the two checks the renderer makes on every job event, zod-free (like methods.ts): the
// renderer's query client listens to job events from the first screen on, and must not load zod and every
// job kind's schema for that. job-shape.ts builds the zod enum from this list; jobs.ts re-exports isJobOf.

/**
 * queued: waiting for another job to end first; running; and the three ends: done (result set), failed
 * (error set; an import that rejected rows also carries its summary as result), cancelled.
 */
export const jobStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export type JobState = (typeof jobStates)[number]

export const finishedJobStates: readonly JobState[] = ['done', 'failed', 'cancelled']
export const isJobFinished = (state: JobState): boolean => finishedJobStates.includes(state)

/** Narrows a job to its kind (and so its result's type). */
export function isJobOf<K extends JobKind>(job: Job, kind: K): job is JobOf<K> {
  return job.kind === kind
}
