import { z } from 'zod'
import { apiErrorSchema } from './error'
import { jobStates } from './job-states'

// The one shape of a job (import, analysis, and every later kind): the state names are defined here once
// and used from the registry (src/main/jobs) to the renderer's hook (src/renderer/src/api/jobs.ts).

// The states and isJobFinished live zod-free in job-states.ts (the renderer's first screen reads them).
export { finishedJobStates, isJobFinished, jobStates, type JobState } from './job-states'
export const jobStateSchema = z.enum(jobStates)

/** A failed job's error: the API's coded error (code, params the renderer words, English message). */
export const jobErrorSchema = apiErrorSchema
export type JobError = z.infer<typeof jobErrorSchema>

/** What every job event and every job snapshot says (the event is this with type 'job'). */
export const jobStatusSchema = z.object({
  jobId: z.string().max(100),
  /** e.g. 'import', 'analysis'; a kind registers in src/main/jobs (see its README). */
  kind: z.string(),
  state: jobStateSchema,
  /** i18n key of the current phase, e.g. 'import.phase.reading'. */
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
})
export type JobStatus = z.infer<typeof jobStatusSchema>

/** A job's full shape for one kind: its status, its result (kind-specific) and its error. */
export function jobSchemaOf<K extends string, R extends z.ZodType>(kind: K, result: R) {
  return jobStatusSchema.extend({
    kind: z.literal(kind),
    result: result.nullable(),
    error: jobErrorSchema.nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
}

/** A job without its result, as listJobs gives it. */
export const jobSummarySchema = jobStatusSchema.extend({
  error: jobErrorSchema.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type JobSummary = z.infer<typeof jobSummarySchema>

export const jobIdSchema = z.string().min(1).max(100)
