import type { campaignsContract } from '../../shared/api/campaigns'
import {
  campaignMembers,
  campaignResults,
  consentCounts,
  createCampaign,
  deleteCampaign,
  deleteSavedFilter,
  exportCampaignList,
  getCampaign,
  listCampaigns,
  listSavedFilters,
  resolveTarget,
  saveFilter,
} from '../campaigns'
import type { Handlers } from './handler'

export const campaignsHandlers: Handlers<typeof campaignsContract> = {
  listCampaigns: async (input, ctx) => ({ campaigns: await listCampaigns(ctx.db, input ?? {}) }),
  getCampaign: (input, ctx) => getCampaign(ctx.db, input.id),
  createCampaign: (input, ctx) => createCampaign(ctx.db, input, ctx.now()),
  deleteCampaign: async (input, ctx) => ({ deleted: await deleteCampaign(ctx.db, input.id) }),
  previewCampaignTarget: async (input, ctx) => {
    const target = await resolveTarget(ctx.db, input.target)
    const counts = await consentCounts(ctx.db, target.customerIds)
    return { label: target.label, members: target.customerIds.length, ...counts }
  },
  listCampaignMembers: async (input, ctx) => ({
    members: await campaignMembers(ctx.db, input.id, { holdout: input.holdout }),
  }),
  exportCampaignList: (input, ctx) => exportCampaignList(ctx.db, input),
  getCampaignResults: (input, ctx) => campaignResults(ctx.db, input.id),
  listSavedFilters: async (_input, ctx) => ({ filters: await listSavedFilters(ctx.db) }),
  saveCustomerFilter: (input, ctx) => saveFilter(ctx.db, input, ctx.now().toISOString().slice(0, 19)),
  deleteSavedFilter: async (input, ctx) => ({ deleted: await deleteSavedFilter(ctx.db, input.id) }),
}
