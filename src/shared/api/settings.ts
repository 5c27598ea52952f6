import { z } from 'zod'
import { dateStyles, languages, logoTypes, MAX_LOGO_BYTES } from './setting-words'

// The lists live zod-free in setting-words.ts (the renderer's first screen reads them); re-exported here so
// the contract stays the one place to import the settings' names from.
export { dateStyles, languages, logoTypes, MAX_LOGO_BYTES }
export type { DateStyle, Language } from './setting-words'

export const logoSchema = z.object({
  /** A data: URL the page can show directly (img-src allows data:). */
  dataUrl: z.string(),
  type: z.enum(logoTypes),
  bytes: z.number().int(),
})
export type Logo = z.infer<typeof logoSchema>

export const settingsSchema = z.object({
  shopName: z.string(),
  shopAddress: z.string(),
  logo: logoSchema.nullable(),
  /** The stored choice, or the operating system's language (Thai when its locale is Thai). */
  language: z.enum(languages),
  dateStyle: z.enum(dateStyles),
  /** Present when the database holds the generated demo shop. */
  demo: z.object({ seed: z.number().int(), endDate: z.string() }).nullable(),
})
export type Settings = z.infer<typeof settingsSchema>

export const settingsUpdateSchema = z
  .object({
    shopName: z.string().trim().max(200),
    shopAddress: z.string().trim().max(1000),
    language: z.enum(languages),
    dateStyle: z.enum(dateStyles),
  })
  .partial()
  .strict()
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>

export const settingsContract = {
  getSettings: { input: z.undefined(), output: settingsSchema },
  updateSettings: { input: settingsUpdateSchema, output: settingsSchema },
  /**
   * The logo arrives as the image's bytes in a data: URL (base64), never as a path: the engine checks the
   * size and that the bytes really are a PNG, JPEG or WebP image before storing them in the database.
   */
  setLogo: {
    // Base64 is 4/3 of the bytes; the engine gives the precise message about size.
    input: z.object({ dataUrl: z.string().max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4096) }).strict(),
    output: settingsSchema,
  },
  clearLogo: { input: z.undefined(), output: settingsSchema },
} as const
