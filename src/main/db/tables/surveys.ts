import type { Generated } from 'kysely'

// The survey tables (src/main/surveys): templates, aspects, responses with their answers, follow-ups.
// Part of the Database interface in ../schema.ts, which re-exports every name here.

export type SurveyStatus = 'draft' | 'active' | 'closed'

export type SatisfactionLevel = 'delighted' | 'satisfied' | 'disappointed'

export interface SurveysTable {
  id: Generated<number>
  name: string
  description: Generated<string>
  status: Generated<SurveyStatus>
  created_at: Generated<string>
  /** The overall question (2026_11_30_200000). */
  overall_th: Generated<string>
  overall_en: Generated<string>
  asks_comment: Generated<number>
  /** Perception - expectation at or beyond +/- this is delighted / disappointed. */
  gap_threshold: Generated<number>
}

export interface SurveyAspectsTable {
  id: Generated<number>
  survey_id: number
  position: number
  label_th: string
  label_en: string
  /** Stable key (2026_11_30_200000); null for aspects written before, which are keyed by their English label. */
  key: string | null
  /** 1: the aspect asks expectation and perception on 1-5; the level follows from the gap. */
  asks_gap: Generated<number>
}

export type SurveyChannel = 'counter' | 'paper' | 'phone' | 'line' | 'imported'

export type FollowUpOutcome = 'recovered' | 'not_recovered' | 'unreachable'

export interface SurveyResponsesTable {
  id: Generated<number>
  survey_id: number
  customer_id: number | null
  receipt_id: number | null
  store_id: number | null
  staff: string | null
  responded_at: string
  comment: Generated<string>
  /** How the answer reached the shop (2026_11_30_200000); null when not recorded. */
  channel: SurveyChannel | null
  /** The overall question's answer; null when the survey did not ask it. */
  overall_level: SatisfactionLevel | null
  /** An imported response's identity (2026_11_30_620000, surveys/identity.ts); null when recorded in the app. */
  source_key: string | null
}

export interface SurveyAnswersTable {
  response_id: number
  aspect_id: number
  level: SatisfactionLevel
  expectation: number | null
  perception: number | null
}

/** Service recovery: the one follow-up task of a disappointed response. */
export interface SurveyFollowupsTable {
  response_id: number
  task_id: number
  outcome: FollowUpOutcome | null
  note: Generated<string>
  closed_at: string | null
}
