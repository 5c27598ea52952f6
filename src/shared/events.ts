import { z } from 'zod'

// Events the main process pushes to the renderer (progress of long work). One channel, a tagged union.
export const progressEventSchema = z.object({
  type: z.literal('progress'),
  /** What is running, e.g. 'import' or 'analysis'. */
  task: z.string(),
  /** A job id so several runs can be told apart. */
  jobId: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  /** i18n key of the current phase, e.g. 'import.phase.reading'. */
  phase: z.string(),
})

export const lukkhaEventSchema = z.discriminatedUnion('type', [progressEventSchema])
export type LukkhaEvent = z.infer<typeof lukkhaEventSchema>

export const eventChannel = 'lukkha:event'
