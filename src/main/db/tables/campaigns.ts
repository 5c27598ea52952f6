import type { Generated } from 'kysely'

// The campaign tables (src/main/campaigns): saved customer-list filters, campaigns and their members.
// Part of the Database interface in ../schema.ts, which re-exports every name here.

export type CampaignChannel = 'line' | 'sms' | 'email' | 'letter' | 'phone'

export type CampaignTargetKind = 'segment' | 'saved_filter' | 'basket'

/** A named filter of the customer list (JSON of customerFilterSchema), e.g. a campaign's target. */
export interface SavedFiltersTable {
  id: Generated<number>
  name: string
  filter: string
  created_at: Generated<string>
}

export interface CampaignsTable {
  id: Generated<number>
  name: string
  channel: CampaignChannel
  target_kind: CampaignTargetKind
  /** JSON of the target as asked (segment key, saved filter id and its filter, basket products). */
  target: string
  target_label: string
  window_start: string
  window_end: string
  holdout_share: number
  seed: number
  message: Generated<string>
  created_at: Generated<string>
}

export interface CampaignMembersTable {
  campaign_id: number
  customer_id: number
  /** 1: drawn into the hold-out (not contacted). */
  holdout: number
}
