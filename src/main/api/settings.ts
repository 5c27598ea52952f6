import type { settingsContract } from '../../shared/api/settings'
import { clearLogo, getSettings, setLogo, updateSettings } from '../settings'
import type { Handlers } from './handler'

export const settingsHandlers: Handlers<typeof settingsContract> = {
  getSettings: (_input, ctx) => getSettings(ctx.db, ctx.systemLocale),
  updateSettings: async (input, ctx) => {
    await updateSettings(ctx.db, input, ctx.now())
    return getSettings(ctx.db, ctx.systemLocale)
  },
  setLogo: async (input, ctx) => {
    await setLogo(ctx.db, input.dataUrl, ctx.now())
    return getSettings(ctx.db, ctx.systemLocale)
  },
  clearLogo: async (_input, ctx) => {
    await clearLogo(ctx.db)
    return getSettings(ctx.db, ctx.systemLocale)
  },
}
