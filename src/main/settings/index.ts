import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import {
  dateStyles,
  languages,
  logoSchema,
  type Language,
  type Settings,
  type SettingsUpdate,
} from '../../shared/api/settings'
import { localTimestamp } from '../../shared/calendar'
import type { Database } from '../db/schema'
import { SETTING_KEYS, type SettingKey } from './keys'
import { parseLogo } from './logo'

// The shop's settings: rows of the settings table, each a key and a JSON value. Reading tolerates a value
// it cannot parse (it falls back to the default) so one bad row never locks the owner out of the app.

type Db = Kysely<Database> | Transaction<Database>

async function readAll(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const values = new Map<string, unknown>()
  for (const row of rows) {
    try {
      values.set(row.key, JSON.parse(row.value))
    } catch {
      // unreadable: treated as unset
    }
  }
  return values
}

/** `updatedAt` is the caller's moment (ctx.now()), as 'YYYY-MM-DDTHH:MM:SS'. */
async function write(db: Db, key: SettingKey, value: unknown, updatedAt: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: updatedAt }))
    .execute()
}

/** The OS language decides until the owner chooses: Thai for a Thai locale, English otherwise. */
export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('th') ? 'th' : 'en'
}

/**
 * The language the app will draw in, known before the window opens (the page's static frame is in it): the
 * settings' language, or the OS's when the database cannot be read (the app then shows why, in that language).
 */
export async function displayLanguage(db: Db, systemLocale: string): Promise<Language> {
  try {
    return (await getSettings(db, systemLocale)).language
  } catch {
    return languageFromLocale(systemLocale)
  }
}

const demoMarker = z.object({ seed: z.number().int(), endDate: z.string() })

export async function getSettings(db: Db, systemLocale: string): Promise<Settings> {
  const values = await readAll(db)
  const pick = <T>(key: SettingKey, schema: z.ZodType<T>): T | null => {
    const parsed = schema.safeParse(values.get(key))
    return parsed.success ? parsed.data : null
  }
  const language = pick(SETTING_KEYS.language, z.enum(languages)) ?? languageFromLocale(systemLocale)
  return {
    shopName: pick(SETTING_KEYS.shopName, z.string()) ?? '',
    shopAddress: pick(SETTING_KEYS.shopAddress, z.string()) ?? '',
    logo: pick(SETTING_KEYS.logo, logoSchema),
    language,
    dateStyle:
      pick(SETTING_KEYS.dateStyle, z.enum(dateStyles)) ?? (language === 'th' ? 'buddhist' : 'gregorian'),
    demo: pick(SETTING_KEYS.demo, demoMarker),
  }
}

export async function updateSettings(db: Kysely<Database>, update: SettingsUpdate, now: Date): Promise<void> {
  const at = localTimestamp(now)
  await db.transaction().execute(async (trx) => {
    if (update.shopName !== undefined) await write(trx, SETTING_KEYS.shopName, update.shopName, at)
    if (update.shopAddress !== undefined) await write(trx, SETTING_KEYS.shopAddress, update.shopAddress, at)
    if (update.language !== undefined) await write(trx, SETTING_KEYS.language, update.language, at)
    if (update.dateStyle !== undefined) await write(trx, SETTING_KEYS.dateStyle, update.dateStyle, at)
  })
}

export async function setLogo(db: Db, dataUrl: string, now: Date): Promise<void> {
  await write(db, SETTING_KEYS.logo, parseLogo(dataUrl), localTimestamp(now))
}

export async function clearLogo(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', SETTING_KEYS.logo).execute()
}
