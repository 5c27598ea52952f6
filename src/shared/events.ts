import { z } from 'zod'
import { jobStatusSchema } from './api/job-shape'

// Events the main process pushes to the renderer. One channel, a tagged union:
// - 'job': a job changed (state, phase or progress); the one event shape of every job kind (src/main/jobs).
// - 'progress': progress of work done inside one call, not a job (loading the demo shop).
export const jobEventSchema = jobStatusSchema.extend({ type: z.literal('job') })
export type JobEvent = z.infer<typeof jobEventSchema>

export const progressEventSchema = z.object({
  type: z.literal('progress'),
  /** What is running, e.g. 'demo'. */
  task: z.string(),
  /** Tells several runs apart. */
  jobId: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  /** i18n key of the current phase. */
  phase: z.string(),
})

export const lukkhaEventSchema = z.discriminatedUnion('type', [jobEventSchema, progressEventSchema])
export type LukkhaEvent = z.infer<typeof lukkhaEventSchema>

export const eventChannel = 'lukkha:event'
