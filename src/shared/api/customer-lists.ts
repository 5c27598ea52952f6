import { z } from 'zod'
import { churnLevels, customerListKinds, customerSortKeys, segmentIdSchema } from './analysis'
import { exportedFileSchema, tableExportOptionsSchema } from './export'

// "Export this list" for the analysis's customer lists: a segment's customers, the best customers (by
// predicted value) and the customers slipping away (churn level high or medium). The file comes back as
// bytes; the renderer offers it as a download.

/** Column ids of an exported customer list, in file order; `headers` in the request are keyed by them. */
export const customerListColumns = [
  'code',
  'name',
  'phone',
  'line',
  'email',
  'segment',
  'last_purchase',
  'recency_days',
  'receipts',
  'net_spend',
  'predicted_value',
  'churn_level',
] as const

export const exportCustomerListInput = tableExportOptionsSchema.extend({
  list: z.enum(customerListKinds),
  /** For list 'segment'. */
  segment: segmentIdSchema.optional(),
  runId: z.number().int().positive().optional(),
  sort: z.enum(customerSortKeys).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  /** The words for churn levels and the language of segment names, as the user reads them. */
  language: z.enum(['th', 'en']).optional(),
  churnLabels: z.record(z.enum(churnLevels), z.string().max(40)).optional(),
})
export type ExportCustomerListInput = z.infer<typeof exportCustomerListInput>

export const customerListsContract = {
  exportCustomerList: { input: exportCustomerListInput, output: exportedFileSchema },
} as const
