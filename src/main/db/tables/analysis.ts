import type { Generated } from 'kysely'

// The analysis tables (src/main/analysis): the segment map and its cells, runs (snapshots), their scores and cohorts.
// Part of the Database interface in ../schema.ts, which re-exports every name here.

export type ChurnLevel = 'low' | 'medium' | 'high'

export interface SegmentsTable {
  id: string
  position: number
  name_th: string
  name_en: string
  action_th: string
  action_en: string
  min_f: Generated<number>
  updated_at: Generated<string>
}

export interface SegmentCellsTable {
  r: number
  fm: number
  segment_id: string
}

export interface AnalysisRunsTable {
  id: Generated<number>
  as_of: string
  window_days: number | null
  horizon_days: number
  annual_discount_rate: number
  customers: number
  revenue_satang: number
  bgnbd_r: number | null
  bgnbd_alpha: number | null
  bgnbd_a: number | null
  bgnbd_b: number | null
  bgnbd_ll: number | null
  gg_p: number | null
  gg_q: number | null
  gg_gamma: number | null
  gg_ll: number | null
  model_note: string | null
  shop_interval_days: number | null
  segment_rules: string
  duration_ms: number
  created_at: Generated<string>
}

export interface AnalysisScoresTable {
  run_id: number
  customer_id: number
  recency_days: number
  frequency: number
  monetary_satang: number
  r: number
  f: number
  m: number
  segment: string
  value_tier: string
  purchase_days: number
  first_purchase: string
  last_purchase: string
  usual_interval_days: number | null
  p_alive: number | null
  expected_purchases_30: number | null
  expected_purchases_90: number | null
  expected_purchases_365: number | null
  expected_spend_satang: number | null
  clv_satang: number | null
  churn_risk: number | null
  churn_level: ChurnLevel
}

/** An analysis run's acquisition cohorts (JSON of the Cohorts API shape), stored with its snapshot. */
export interface AnalysisCohortsTable {
  run_id: number
  cohorts: string
}
