import { z } from 'zod'
import { errorCodes } from '../result'

/**
 * A coded error inside a DTO (a job's failure): the same shape as ApiError in src/shared/result.ts. The
 * code stays a string here so an older stored code never fails validation; the renderer maps an unknown
 * one to 'internal'.
 */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  details: z.unknown().optional(),
})

export { errorCodes }
