import { z } from 'zod'
import { segmentIdSchema } from './analysis'
import { customerFilterSchema } from './customers'
import { isoDateSchema } from './dates'
import { exportedFileSchema, tableExportOptionsSchema } from './export'

// Campaigns (#15, the "Action" of DEAR): a target list (a segment, a saved filter of the customer list or a
// basket target list), a channel, a window, and a seeded random hold-out that is not contacted; the contact
// list for the channel (marketing consent only); letters and labels (reports 'campaign-letters',
// 'campaign-labels'); and, from the sales in the window, contacted vs hold-out with the lift and its 95%
// interval. Money is integer satang; dates 'YYYY-MM-DD'.

const id = z.number().int().positive()

export const campaignChannels = ['line', 'sms', 'email', 'letter', 'phone'] as const
export type CampaignChannel = (typeof campaignChannels)[number]
export const campaignStatuses = ['planned', 'open', 'closed'] as const
export type CampaignStatus = (typeof campaignStatuses)[number]
export const campaignTargetKinds = ['segment', 'saved_filter', 'basket'] as const

export const campaignTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), segment: segmentIdSchema }).strict(),
  z.object({ kind: z.literal('saved_filter'), filterId: id }).strict(),
  z.object({ kind: z.literal('basket'), boughtProductId: id, neverProductId: id }).strict(),
])
export type CampaignTarget = z.infer<typeof campaignTargetSchema>

export const savedFilterSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  filter: customerFilterSchema,
  createdAt: z.string(),
})
export type SavedFilter = z.infer<typeof savedFilterSchema>

export const saveCustomerFilterInput = z
  .object({ name: z.string().trim().min(1).max(120), filter: customerFilterSchema })
  .strict()

export const campaignSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  channel: z.enum(campaignChannels),
  target: z.object({ kind: z.enum(campaignTargetKinds), label: z.string() }),
  windowStart: z.string(),
  windowEnd: z.string(),
  /** Share of the members drawn into the hold-out, 0..1. */
  holdoutShare: z.number(),
  seed: z.number().int(),
  contacted: z.number().int(),
  holdout: z.number().int(),
  /** By the shop's as-of date (its last sale): before, within or after the window. */
  status: z.enum(campaignStatuses),
  createdAt: z.string(),
})
export type CampaignSummary = z.infer<typeof campaignSummarySchema>

export const campaignDetailSchema = campaignSummarySchema.extend({
  message: z.string(),
  /** Of the contacted members: how many the shop may contact (marketing consent) and can reach. */
  reach: z.object({
    withConsent: z.number().int(),
    withPhone: z.number().int(),
    withEmail: z.number().int(),
    withLineId: z.number().int(),
    withAddress: z.number().int(),
  }),
})
export type CampaignDetail = z.infer<typeof campaignDetailSchema>

export const createCampaignInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    channel: z.enum(campaignChannels),
    target: campaignTargetSchema,
    /** Default: the day after the shop's last sale. */
    windowStart: isoDateSchema.optional(),
    /** Default: 30 days from the start. */
    windowEnd: isoDateSchema.optional(),
    holdoutShare: z.number().min(0).max(0.5).default(0.1),
    /** Default: drawn from the clock; stored either way so the draw can be repeated. */
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    message: z.string().max(4000).optional(),
  })
  .strict()
export type CreateCampaignInput = z.input<typeof createCampaignInput>

export const campaignTargetPreviewSchema = z.object({
  label: z.string(),
  members: z.number().int(),
  withConsent: z.number().int(),
  withLineId: z.number().int(),
})

export const campaignMemberSchema = z.object({
  customerId: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  holdout: z.boolean(),
  marketingConsent: z.boolean(),
  /** Receipts and net spend within the campaign window. */
  visits: z.number().int(),
  revenueSatang: z.number().int(),
})
export type CampaignMember = z.infer<typeof campaignMemberSchema>

export const campaignGroupSchema = z.object({
  members: z.number().int(),
  /** Members who bought at least once within the window. */
  responders: z.number().int(),
  responseRate: z.number(),
  revenueSatang: z.number().int(),
  revenuePerCustomerSatang: z.number(),
  visits: z.number().int(),
  visitsPerCustomer: z.number(),
})
export type CampaignGroup = z.infer<typeof campaignGroupSchema>

/**
 * real_up / real_down: the 95% interval of the lift excludes 0; chance: it includes 0 (the difference could be
 * chance); too_few: a group is empty, nothing can be said.
 */
export const campaignVerdicts = ['real_up', 'real_down', 'chance', 'too_few'] as const

export const campaignResultsSchema = z.object({
  campaignId: z.number().int(),
  windowStart: z.string(),
  windowEnd: z.string(),
  /** The last sale in the database; results count sales from windowStart to min(windowEnd, asOf). */
  asOf: z.string().nullable(),
  windowOver: z.boolean(),
  contacted: campaignGroupSchema,
  holdout: campaignGroupSchema,
  /** Response rate contacted minus hold-out (a difference of shares, e.g. 0.05 = 5 points). */
  lift: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  /** Contacted response rate / hold-out response rate - 1; null when the hold-out had no responders. */
  relativeLift: z.number().nullable(),
  /** Revenue per customer contacted minus hold-out, satang, with its 95% interval (Welch, normal). */
  revenueLiftSatang: z.number().nullable(),
  revenueCi95: z.tuple([z.number(), z.number()]).nullable(),
  verdict: z.enum(campaignVerdicts),
  revenueVerdict: z.enum(campaignVerdicts),
})
export type CampaignResults = z.infer<typeof campaignResultsSchema>

export const exportCampaignListInput = tableExportOptionsSchema
  .extend({
    id,
    /** csv / xlsx: the contact list for the channel; line: LINE user ids, one per line (text). */
    format: z.enum(['csv', 'xlsx', 'line']),
  })
  .strict()

export const campaignsContract = {
  listCampaigns: {
    input: z
      .object({ status: z.enum(campaignStatuses).optional() })
      .strict()
      .optional(),
    output: z.object({ campaigns: z.array(campaignSummarySchema) }),
  },
  getCampaign: { input: z.object({ id }).strict(), output: campaignDetailSchema },
  createCampaign: { input: createCampaignInput, output: campaignDetailSchema },
  deleteCampaign: { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  previewCampaignTarget: {
    input: z.object({ target: campaignTargetSchema }).strict(),
    output: campaignTargetPreviewSchema,
  },
  listCampaignMembers: {
    input: z.object({ id, holdout: z.boolean().optional() }).strict(),
    output: z.object({ members: z.array(campaignMemberSchema) }),
  },
  exportCampaignList: { input: exportCampaignListInput, output: exportedFileSchema },
  getCampaignResults: { input: z.object({ id }).strict(), output: campaignResultsSchema },
  listSavedFilters: { input: z.undefined(), output: z.object({ filters: z.array(savedFilterSchema) }) },
  saveCustomerFilter: { input: saveCustomerFilterInput, output: savedFilterSchema },
  deleteSavedFilter: { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const
