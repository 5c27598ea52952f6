import type { Migration } from 'kysely/migration'
import * as m20261125000000 from './2026_11_25_000000_create_core_schema'
import * as m20261125100000 from './2026_11_25_100000_create_import_tables'
import * as m20261125200000 from './2026_11_25_200000_create_analysis_tables'
import * as m20261130100000 from './2026_11_30_100000_create_customer_book'
import * as m20261130200000 from './2026_11_30_200000_extend_surveys'
import * as m20261130500000 from './2026_11_30_500000_add_segment_min_f'
import * as m20261130610000 from './2026_11_30_610000_speed_customer_list'
import * as m20261130611000 from './2026_11_30_611000_extend_subject_requests'
import * as m20261130620000 from './2026_11_30_620000_add_survey_source_key'
import * as m20261130640000 from './2026_11_30_640000_create_campaigns'
import * as m20261130670000 from './2026_11_30_670000_create_analysis_cohorts'
import * as m20261130671000 from './2026_11_30_671000_create_dashboard_days'
import * as m20261201300000 from './2026_12_01_300000_index_receipt_days'
import * as m20261201420000 from './2026_12_01_420000_add_purchase_totals'
import * as m20261201500000 from './2026_12_01_500000_index_customer_receipts_only'
import * as m20261201600000 from './2026_12_01_600000_unindex_scores_by_customer'

// Static provider: bundlers cannot follow a folder scan, so every migration is listed here by its file name.
// Never edit a migration that has landed; add a new file and a new line.
export const migrations: Record<string, Migration> = {
  '2026_11_25_000000_create_core_schema': m20261125000000,
  '2026_11_25_100000_create_import_tables': m20261125100000,
  '2026_11_25_200000_create_analysis_tables': m20261125200000,
  '2026_11_30_100000_create_customer_book': m20261130100000,
  '2026_11_30_200000_extend_surveys': m20261130200000,
  '2026_11_30_500000_add_segment_min_f': m20261130500000,
  '2026_11_30_610000_speed_customer_list': m20261130610000,
  '2026_11_30_611000_extend_subject_requests': m20261130611000,
  '2026_11_30_620000_add_survey_source_key': m20261130620000,
  '2026_11_30_640000_create_campaigns': m20261130640000,
  '2026_11_30_670000_create_analysis_cohorts': m20261130670000,
  '2026_11_30_671000_create_dashboard_days': m20261130671000,
  '2026_12_01_300000_index_receipt_days': m20261201300000,
  '2026_12_01_420000_add_purchase_totals': m20261201420000,
  '2026_12_01_500000_index_customer_receipts_only': m20261201500000,
  '2026_12_01_600000_unindex_scores_by_customer': m20261201600000,
}
