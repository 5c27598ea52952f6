import { z } from 'zod'

export const statsSchema = z.object({
  customers: z.number().int(),
  receipts: z.number().int(),
  lines: z.number().int(),
  products: z.number().int(),
})
export type Stats = z.infer<typeof statsSchema>

export const appInfoSchema = z.object({
  version: z.string(),
  /** BCP 47 tag of the operating system's locale, e.g. 'th-TH'. */
  systemLocale: z.string(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const systemContract = {
  getStats: { input: z.undefined(), output: statsSchema },
  getAppInfo: { input: z.undefined(), output: appInfoSchema },
} as const
