import { z } from 'zod'

export const demoSummarySchema = z.object({
  seed: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  customers: z.number().int(),
  receipts: z.number().int(),
  lines: z.number().int(),
  products: z.number().int(),
  surveyResponses: z.number().int(),
})
export type DemoSummary = z.infer<typeof demoSummarySchema>

export const demoContract = {
  /**
   * Fills an empty database with the generated demo café-bakery (18 months up to today). Reports progress
   * as events of task 'demo'. Refused with 'conflict' when the database already has data.
   */
  loadDemo: {
    input: z
      .object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
      })
      .strict()
      .optional(),
    output: demoSummarySchema,
  },
} as const
