import type { systemContract } from '../../shared/api/system'
import { getShopStatus, getStats } from '../stats'
import type { Handlers } from './handler'

export const systemHandlers: Handlers<typeof systemContract> = {
  getStats: (_input, ctx) => getStats(ctx.db),
  getAppInfo: (_input, ctx) => ({ version: ctx.appVersion, systemLocale: ctx.systemLocale }),
  getShopStatus: (_input, ctx) => getShopStatus(ctx.db),
}
