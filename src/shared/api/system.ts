import { z } from 'zod'

export const statsSchema = z.object({
  customers: z.number().int(),
  receipts: z.number().int(),
  lines: z.number().int(),
  products: z.number().int(),
})
export type Stats = z.infer<typeof statsSchema>

/** Whether the shop holds any data: the start screen's one question (the welcome screen or the dashboard). */
export const shopStatusSchema = z.object({ empty: z.boolean() })
export type ShopStatus = z.infer<typeof shopStatusSchema>

export const appInfoSchema = z.object({
  version: z.string(),
  /** BCP 47 tag of the operating system's locale, e.g. 'th-TH'. */
  systemLocale: z.string(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const systemContract = {
  getStats: { input: z.undefined(), output: statsSchema },
  getAppInfo: { input: z.undefined(), output: appInfoSchema },
  /** empty: no customer and no receipt (getStats' customers and receipts both 0), without counting every row. */
  getShopStatus: { input: z.undefined(), output: shopStatusSchema },
} as const
