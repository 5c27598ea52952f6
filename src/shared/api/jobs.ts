import { z } from 'zod'
import { analysisJobSchema } from './analysis'
import { importJobSchema } from './import'
import { basketsJobSchema } from './products'
import { surveyImportJobSchema } from './surveys'
import { backupJobSchema, fileBackupJobSchema, restoreJobSchema } from './backup'
import { jobIdSchema, jobStateSchema, jobSummarySchema } from './job-shape'

// The jobs API: every kind of long work (imports, analysis runs, and the kinds to come) is started by its
// domain's start method (startImport, startAnalysis, ...) and then watched, listed and cancelled here.
// A new kind adds its schema (jobSchemaOf(kind, resultSchema), in its domain's contract file) to the list
// below: one line.

export const jobSchema = z.discriminatedUnion('kind', [
  importJobSchema,
  analysisJobSchema,
  basketsJobSchema,
  surveyImportJobSchema,
  backupJobSchema,
  restoreJobSchema,
  fileBackupJobSchema,
])
export type Job = z.infer<typeof jobSchema>
export type JobKind = Job['kind']
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>

export const jobsContract = {
  getJob: { input: z.object({ jobId: jobIdSchema }), output: jobSchema },
  /** Asks a queued or running job to stop; false when it had already ended. */
  cancelJob: { input: z.object({ jobId: jobIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** This session's jobs, newest first (results left out: ask getJob for one). */
  listJobs: {
    input: z.object({ kind: z.string().max(40).optional(), state: jobStateSchema.optional() }).optional(),
    output: z.array(jobSummarySchema),
  },
} as const

// isJobOf lives zod-free in job-states.ts (the renderer's job hook uses it from the first screen on).
export { isJobOf } from './job-states'
