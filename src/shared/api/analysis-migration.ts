import { z } from 'zod'
import { isoDateSchema as isoDate } from './dates'

// The analysis API's segment migration: how customers moved between segments from one run (or date) to
// another (re-exported from analysis.ts, where the contract lists getSegmentMigration).

export const migrationInput = z.union([
  z.object({ fromRunId: z.number().int().positive(), toRunId: z.number().int().positive() }),
  z.object({ fromDate: isoDate, toDate: isoDate, windowDays: z.number().int().min(1).nullable().optional() }),
])

export const segmentMigrationSchema = z.object({
  from: z.object({ runId: z.number().int().nullable(), asOf: z.string() }),
  to: z.object({ runId: z.number().int().nullable(), asOf: z.string() }),
  /** Segment ids in display order (the later map's order, then any only the earlier one has). */
  segments: z.array(z.string()),
  /** Non-zero flows; from null = not scored at the first date (new), to null = not scored at the second. */
  flows: z.array(
    z.object({ from: z.string().nullable(), to: z.string().nullable(), customers: z.number().int() }),
  ),
  stayed: z.number().int(),
  moved: z.number().int(),
  entered: z.number().int(),
  left: z.number().int(),
})
export type SegmentMigration = z.infer<typeof segmentMigrationSchema>
