// The settings' vocabulary, written once and zod-free (like methods.ts and import-words.ts): the contract
// (settings.ts) builds its zod enums from these lists, and the renderer's first screen (the i18n layer, the
// language switch) reads them without loading zod.

export const languages = ['th', 'en'] as const
export type Language = (typeof languages)[number]

/** True for a language the app has text in ('th' or 'en'). */
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value)

/** Dates in the Buddhist era (2569) or the Gregorian calendar (2026). */
export const dateStyles = ['buddhist', 'gregorian'] as const
export type DateStyle = (typeof dateStyles)[number]

export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const
export const MAX_LOGO_BYTES = 512 * 1024
