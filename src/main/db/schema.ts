import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  SurveysTable,
  SurveyAspectsTable,
  SurveyResponsesTable,
  SurveyAnswersTable,
  SurveyFollowupsTable,
} from './tables/surveys'
import type {
  SegmentsTable,
  SegmentCellsTable,
  AnalysisRunsTable,
  AnalysisScoresTable,
  AnalysisCohortsTable,
} from './tables/analysis'
import type { SavedFiltersTable, CampaignsTable, CampaignMembersTable } from './tables/campaigns'
import type { SalesDaysTable, ProductDaysTable, DashboardDaysStateTable } from './tables/dashboard'

export type * from './tables/surveys'
export type * from './tables/analysis'
export type * from './tables/campaigns'
export type * from './tables/dashboard'

// The Database interface: the typed view of the tables the migrations create. Column names are the
// same words used in src/shared DTOs and in the UI's i18n keys (one name per concept).

export type ImportStatus = 'running' | 'done' | 'failed' | 'undone'

export type ReceiptKind = 'sale' | 'refund'

export type AliasKind = 'pos_id' | 'phone' | 'email'

export type InteractionChannel = 'visit' | 'phone' | 'line' | 'email' | 'sms' | 'letter'

export type ConsentChannel = 'phone' | 'line' | 'email' | 'sms' | 'letter'

export type TaskStatus = 'open' | 'done' | 'cancelled'

export interface ImportsTable {
  id: Generated<number>
  file_name: string
  file_hash: string
  preset: string
  encoding: string | null
  rows_read: Generated<number>
  receipts_added: Generated<number>
  lines_added: Generated<number>
  duplicates_skipped: Generated<number>
  customers_created: Generated<number>
  customers_matched: Generated<number>
  rows_rejected: Generated<number>
  status: ImportStatus
  started_at: Generated<string>
  finished_at: string | null
  /** The natural-key source its receipts were written under, e.g. 'loyverse' (2026_11_25_100000). */
  source: string | null
  /** Rows left out on purpose, e.g. cancelled or voided receipts. */
  rows_ignored: Generated<number>
  /** JSON of the options the import ran with (encoding, delimiter, mapping, date order). */
  options: string | null
  undone_at: string | null
}

export interface StoresTable {
  id: Generated<number>
  name: string
  import_id: number | null
  created_at: Generated<string>
}

export interface CustomersTable {
  id: Generated<number>
  code: string | null
  name: Generated<string>
  phone: string | null
  email: string | null
  line_id: string | null
  birthday: string | null
  acquisition_source: string | null
  referred_by: number | null
  first_seen: string | null
  last_seen: string | null
  notes: Generated<string>
  import_id: number | null
  created_at: Generated<string>
  updated_at: Generated<string>
  /** Set when the customer's personal data was erased (PDPA); the row stays for anonymous sales totals. */
  erased_at: string | null
  /** Postal address for letters and labels (2026_11_30_640000). */
  address: string | null
}

export interface CustomerAliasesTable {
  id: Generated<number>
  customer_id: number
  kind: AliasKind
  source: Generated<string>
  value: string
  import_id: number | null
}

export interface CustomerTagsTable {
  customer_id: number
  tag: string
}

export interface ProductsTable {
  id: Generated<number>
  sku: string | null
  name: string
  category: Generated<string>
  import_id: number | null
  created_at: Generated<string>
}

export interface ReceiptsTable {
  id: Generated<number>
  source: string
  receipt_number: string
  store_id: number | null
  customer_id: number | null
  occurred_at: string
  kind: ReceiptKind
  gross_satang: Generated<number>
  discount_satang: Generated<number>
  net_satang: Generated<number>
  staff: string | null
  import_id: number | null
}

export interface ReceiptLinesTable {
  id: Generated<number>
  receipt_id: number
  line_no: number
  product_id: number | null
  quantity: number
  unit_price_satang: Generated<number>
  discount_satang: Generated<number>
  net_satang: number
  import_id: number | null
}

export interface InteractionsTable {
  id: Generated<number>
  customer_id: number
  channel: InteractionChannel
  direction: Generated<'inbound' | 'outbound'>
  occurred_at: string
  summary: Generated<string>
  created_at: Generated<string>
  staff: Generated<string>
}

export interface TasksTable {
  id: Generated<number>
  customer_id: number | null
  title: string
  due_date: string | null
  status: Generated<TaskStatus>
  created_at: Generated<string>
  done_at: string | null
  notes: Generated<string>
  interaction_id: number | null
  /** 'staff', or the domain that made it, e.g. 'survey'. */
  source: Generated<string>
}

export interface ConsentsTable {
  id: Generated<number>
  customer_id: number
  channel: ConsentChannel
  purpose: Generated<string>
  granted: number
  recorded_at: Generated<string>
  source: Generated<string>
  notice_version: Generated<string>
  recorded_by: Generated<string>
}

/** A merge of two customers, with what undoing it needs (JSON, see src/main/customers/merge.ts). */
export interface CustomerMergesTable {
  id: Generated<number>
  kept_id: number
  merged_id: number
  snapshot: string
  merged_at: Generated<string>
  undone_at: string | null
}

/** A PDPA erasure: only a masked name is kept, so a restored backup can have it re-applied. */
export interface CustomerErasuresTable {
  id: Generated<number>
  customer_id: number
  masked_name: string
  erased_at: Generated<string>
  erased_by: Generated<string>
  /** The erased customer's created_at (2026_11_30_620000): re-applying after a restore checks it. */
  customer_created_at: string | null
}

export interface CustomerTotalsTable {
  customer_id: number
  receipts: number
  /** Distinct purchase days. */
  visits: number
  /** Sales less refunds. */
  spend_satang: number
  first_purchase: string | null
  last_purchase: string | null
  /** Distinct purchase days (a purchase: a sale receipt with a net total not 0, as retention/history.ts). */
  purchase_days: Generated<number>
  /** Day numbers (shared/calendar dayNumber) of the first, second and last purchase day. */
  first_purchase_day: number | null
  second_purchase_day: number | null
  last_purchase_day: number | null
  /** Net spend as the retention views count it: sales less refunds, a refund as -abs(net). */
  net_satang: Generated<number>
}

export interface CustomerTotalsStateTable {
  id: number
  /** What the receipts looked like when the totals were built (count, max id, sum of customer ids). */
  receipts_key: string
}

export type SubjectRequestKind =
  'access' | 'erasure' | 'rectification' | 'objection' | 'portability' | 'restriction' | 'withdraw_consent'

export type SubjectRequestStatus = 'open' | 'fulfilled' | 'refused'

export interface SubjectRequestsTable {
  id: Generated<number>
  customer_id: number | null
  kind: SubjectRequestKind
  received_at: string
  due_date: string
  status: Generated<SubjectRequestStatus>
  refusal_reason: Generated<string>
  handled_at: string | null
  handled_by: Generated<string>
  /** How the request arrived, what was asked and who logged it (2026_11_30_620000). */
  channel: Generated<string>
  details: Generated<string>
  logged_by: Generated<string>
}

export interface SettingsTable {
  key: string
  value: string
  updated_at: Generated<string>
}

export type MergeReason = 'code' | 'phone' | 'email' | 'name'

export type MergeSuggestionStatus = 'open' | 'merged' | 'dismissed'

/** A column mapping the user made in the import wizard, keyed by the file's normalised header. */
export interface ImportMappingsTable {
  header_signature: string
  headers: string // JSON string[]
  mapping: string // JSON
  created_at: Generated<string>
  used_at: Generated<string>
}

/** Two customers an import could not tell apart; customer_id < other_customer_id. */
export interface MergeSuggestionsTable {
  id: Generated<number>
  customer_id: number
  other_customer_id: number
  reason: MergeReason
  value: Generated<string>
  status: Generated<MergeSuggestionStatus>
  import_id: number | null
  created_at: Generated<string>
}

/** A customer's values before an import changed them, so undoing the import restores them. */
export interface ImportCustomerChangesTable {
  import_id: number
  customer_id: number
  code: string | null
  name: string
  phone: string | null
  email: string | null
  birthday: string | null
  first_seen: string | null
  last_seen: string | null
}

export interface Database {
  imports: ImportsTable
  stores: StoresTable
  customers: CustomersTable
  customer_aliases: CustomerAliasesTable
  customer_tags: CustomerTagsTable
  products: ProductsTable
  receipts: ReceiptsTable
  receipt_lines: ReceiptLinesTable
  interactions: InteractionsTable
  tasks: TasksTable
  consents: ConsentsTable
  surveys: SurveysTable
  survey_aspects: SurveyAspectsTable
  survey_responses: SurveyResponsesTable
  survey_answers: SurveyAnswersTable
  survey_followups: SurveyFollowupsTable
  settings: SettingsTable
  import_mappings: ImportMappingsTable
  merge_suggestions: MergeSuggestionsTable
  import_customer_changes: ImportCustomerChangesTable
  segments: SegmentsTable
  segment_cells: SegmentCellsTable
  analysis_runs: AnalysisRunsTable
  analysis_scores: AnalysisScoresTable
  analysis_cohorts: AnalysisCohortsTable
  sales_days: SalesDaysTable
  product_days: ProductDaysTable
  dashboard_days_state: DashboardDaysStateTable
  customer_merges: CustomerMergesTable
  customer_totals: CustomerTotalsTable
  customer_totals_state: CustomerTotalsStateTable
  customer_erasures: CustomerErasuresTable
  subject_requests: SubjectRequestsTable
  saved_filters: SavedFiltersTable
  campaigns: CampaignsTable
  campaign_members: CampaignMembersTable
}

export type Customer = Selectable<CustomersTable>

export type NewCustomer = Insertable<CustomersTable>

export type CustomerUpdate = Updateable<CustomersTable>

export type Receipt = Selectable<ReceiptsTable>

export type ImportRow = Selectable<ImportsTable>

export type AnalysisRun = Selectable<AnalysisRunsTable>

export type AnalysisScore = Selectable<AnalysisScoresTable>
