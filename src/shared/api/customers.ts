import { z } from 'zod'
import { valueTiers } from './analysis'
import { isoDateSchema } from './dates'
import { exportedFileSchema, tableExportOptionsSchema } from './export'

// The customer book (#11): list, search, profile, edit, tags, interactions and tasks, duplicates and merges,
// PDPA consent, data-subject export and erasure. Money is integer satang; dates 'YYYY-MM-DD', times
// 'YYYY-MM-DDTHH:MM:SS' (shop-local).

const isoDate = isoDateSchema
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'expected YYYY-MM-DDTHH:MM:SS')
const customerId = z.number().int().positive()
const money = z.number().int()

export const interactionChannels = ['visit', 'phone', 'line', 'email', 'sms', 'letter'] as const
export const consentChannels = ['phone', 'line', 'email', 'sms', 'letter'] as const
export const consentPurposes = ['marketing', 'analysis'] as const
export const acquisitionSources = [
  'walk_in',
  'referral',
  'facebook',
  'line',
  'instagram',
  'website',
  'event',
  'import',
  'other',
] as const
export type ConsentPurpose = (typeof consentPurposes)[number]

export const customerSortColumns = [
  'name',
  'code',
  'phone',
  'email',
  'segment',
  'value_tier',
  'spend',
  'visits',
  'last_purchase',
  'acquisition_source',
  'created_at',
] as const
export type CustomerSortColumn = (typeof customerSortColumns)[number]

export const customerFilterSchema = z.object({
  search: z.string().max(200).optional(),
  segment: z.string().max(40).optional(),
  valueTier: z.enum(valueTiers).optional(),
  tag: z.string().max(60).optional(),
  lastPurchaseFrom: isoDate.optional(),
  lastPurchaseTo: isoDate.optional(),
  spendMinSatang: money.optional(),
  spendMaxSatang: money.optional(),
  /** 'granted': the purpose's latest consent is a yes; 'not_granted': no consent or withdrawn. */
  consent: z
    .object({ purpose: z.enum(consentPurposes), state: z.enum(['granted', 'not_granted']) })
    .optional(),
  acquisitionSource: z.string().max(60).optional(),
})
export type CustomerFilter = z.infer<typeof customerFilterSchema>

export const customerListInput = customerFilterSchema.extend({
  sort: z.enum(customerSortColumns).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
})
export type CustomerListQuery = z.infer<typeof customerListInput>

export const customerRowSchema = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  segment: z.string().nullable(),
  valueTier: z.enum(valueTiers).nullable(),
  spendSatang: money,
  visits: z.number().int(),
  lastPurchase: z.string().nullable(),
  acquisitionSource: z.string().nullable(),
  tags: z.array(z.string()),
  marketingConsent: z.boolean(),
})
export type CustomerRow = z.infer<typeof customerRowSchema>

export const customerHitSchema = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})

/** What a user types in the customer form; phones in any Thai form, normalised to E.164 by the engine. */
export const customerInputSchema = z.object({
  code: z.string().trim().max(60).nullable().optional(),
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().max(200).nullable().optional(),
  lineId: z.string().trim().max(60).nullable().optional(),
  birthday: isoDate.nullable().optional(),
  /** Postal address, for letters and address labels. */
  address: z.string().trim().max(500).nullable().optional(),
  acquisitionSource: z.string().trim().max(60).nullable().optional(),
  referredBy: customerId.nullable().optional(),
  notes: z.string().max(5000).optional(),
})
export type CustomerInput = z.infer<typeof customerInputSchema>

export const receiptLineSchema = z.object({
  lineNo: z.number().int(),
  product: z.string().nullable(),
  category: z.string().nullable(),
  quantity: z.number(),
  netSatang: money,
})
export const receiptSchema = z.object({
  id: z.number().int(),
  receiptNumber: z.string(),
  occurredAt: z.string(),
  kind: z.enum(['sale', 'refund']),
  netSatang: money,
  lines: z.array(receiptLineSchema),
})

export const interactionSchema = z.object({
  id: z.number().int(),
  channel: z.enum(interactionChannels),
  direction: z.enum(['inbound', 'outbound']),
  occurredAt: z.string(),
  summary: z.string(),
  staff: z.string(),
})

export const taskSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  source: z.string(),
  createdAt: z.string(),
})
export type Task = z.infer<typeof taskSchema>

export const consentStateSchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  channel: z.enum(consentChannels).nullable(),
  recordedAt: z.string().nullable(),
  noticeVersion: z.string(),
  recordedBy: z.string(),
})

export const customerProfileSchema = z.object({
  customer: customerRowSchema.extend({
    birthday: z.string().nullable(),
    address: z.string().nullable(),
    referredBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    notes: z.string(),
    createdAt: z.string(),
  }),
  figures: z.object({
    firstPurchase: z.string().nullable(),
    lastPurchase: z.string().nullable(),
    visits: z.number().int(),
    receipts: z.number().int(),
    spendSatang: money,
    averageBasketSatang: money.nullable(),
    favouriteCategories: z.array(z.object({ category: z.string(), netSatang: money })),
    /** Median days between purchase days; null with fewer than two. */
    rhythmDays: z.number().nullable(),
  }),
  consents: z.array(consentStateSchema),
  receipts: z.array(receiptSchema),
  interactions: z.array(interactionSchema),
  tasks: z.array(taskSchema),
})
export type CustomerProfile = z.infer<typeof customerProfileSchema>

export const duplicateSchema = z.object({
  a: customerHitSchema,
  b: customerHitSchema,
  reason: z.enum(['code', 'phone', 'email', 'name']),
  value: z.string(),
  /** The import's merge suggestion this pair comes from, when it does. */
  suggestionId: z.number().int().nullable(),
})

export const mergeRecordSchema = z.object({
  id: z.number().int(),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  mergedName: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
})

export const interactionInput = z.object({
  customerId,
  channel: z.enum(interactionChannels),
  direction: z.enum(['inbound', 'outbound']),
  occurredAt: isoTime,
  summary: z.string().max(5000),
  staff: z.string().max(100),
  followUp: z.object({ title: z.string().trim().min(1).max(200), dueDate: isoDate }).optional(),
})
export type InteractionInput = z.infer<typeof interactionInput>

export const taskInput = z.object({
  customerId: customerId.nullable(),
  title: z.string().trim().min(1).max(200),
  dueDate: isoDate.nullable(),
  notes: z.string().max(5000).optional(),
})

export const consentInput = z.object({
  customerId,
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  channel: z.enum(consentChannels),
  noticeVersion: z.string().trim().min(1).max(40),
  recordedBy: z.string().trim().min(1).max(100),
  recordedAt: isoTime.optional(),
})
export type ConsentInput = z.infer<typeof consentInput>

export const subjectRequestKinds = [
  'access',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'portability',
  'withdraw_consent',
] as const

export const subjectRequestInput = z.object({
  customerId,
  kind: z.enum(subjectRequestKinds),
  receivedAt: isoDate,
  channel: z.string().trim().max(40).optional(),
  details: z.string().trim().max(2000).optional(),
  loggedBy: z.string().trim().max(100).optional(),
})
export type SubjectRequestInput = z.infer<typeof subjectRequestInput>

export const subjectRequestRowSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  kind: z.enum(subjectRequestKinds),
  receivedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  channel: z.string(),
  details: z.string(),
  loggedBy: z.string(),
})
export type SubjectRequestRow = z.infer<typeof subjectRequestRowSchema>

export const closedSubjectRequestRowSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  kind: z.enum(subjectRequestKinds),
  receivedAt: z.string(),
  dueDate: z.string(),
  outcome: z.enum(['fulfilled', 'refused']),
  reason: z.string(),
  handledAt: z.string(),
  handledBy: z.string(),
  channel: z.string(),
  details: z.string(),
})
export type ClosedSubjectRequestRow = z.infer<typeof closedSubjectRequestRowSchema>

const fileOut = z.object({ fileName: z.string(), base64: z.string() })

export const customersContract = {
  customersList: {
    input: customerListInput,
    output: z.object({ total: z.number().int(), rows: z.array(customerRowSchema) }),
  },
  customersSearch: {
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }),
    output: z.object({ hits: z.array(customerHitSchema) }),
  },
  customersFacets: {
    input: z.undefined(),
    output: z.object({
      tags: z.array(z.string()),
      segments: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  },
  customerProfile: { input: z.object({ customerId }), output: customerProfileSchema },
  customerCreate: { input: customerInputSchema, output: z.object({ customerId: z.number().int() }) },
  customerUpdate: {
    input: customerInputSchema.extend({ customerId }),
    output: z.object({ customerId: z.number().int() }),
  },
  customerDelete: { input: z.object({ customerId }), output: z.object({ deleted: z.boolean() }) },
  customersTag: {
    input: z.object({
      tag: z.string().trim().min(1).max(60),
      remove: z.boolean().optional(),
      customerIds: z.array(customerId).max(100_000).optional(),
      filter: customerFilterSchema.optional(),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  customersExport: {
    input: tableExportOptionsSchema.extend({
      filter: customerFilterSchema,
      /** A marketing list: only customers whose latest marketing consent is a yes. */
      marketing: z.boolean().optional(),
      /** Words for values, in the user's language: segment names and value tiers by id, yes / no. */
      words: z
        .object({
          segments: z.record(z.string().max(40), z.string().max(120)).optional(),
          valueTiers: z.record(z.string().max(40), z.string().max(120)).optional(),
          yes: z.string().max(40).optional(),
          no: z.string().max(40).optional(),
        })
        .optional(),
    }),
    output: exportedFileSchema,
  },
  interactionLog: {
    input: interactionInput,
    output: z.object({ interactionId: z.number().int(), taskId: z.number().int().nullable() }),
  },
  taskCreate: { input: taskInput, output: z.object({ taskId: z.number().int() }) },
  taskSetStatus: {
    input: z.object({ taskId: z.number().int().positive(), status: z.enum(['open', 'done', 'cancelled']) }),
    output: z.object({ taskId: z.number().int() }),
  },
  tasksDue: {
    input: z.object({ asOf: isoDate }),
    output: z.object({ today: z.array(taskSchema), overdue: z.array(taskSchema) }),
  },
  consentRecord: { input: consentInput, output: z.object({ consentId: z.number().int() }) },
  customersDuplicates: {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).optional(),
    output: z.object({ duplicates: z.array(duplicateSchema) }),
  },
  customersMerge: {
    input: z.object({ keepId: customerId, otherId: customerId }),
    output: z.object({ mergeId: z.number().int() }),
  },
  customersMergeUndo: {
    input: z.object({ mergeId: z.number().int().positive() }),
    output: z.object({ customerId: z.number().int() }),
  },
  customersMerges: { input: z.undefined(), output: z.object({ merges: z.array(mergeRecordSchema) }) },
  customerSubjectExport: {
    input: z.object({ customerId, format: z.enum(['json', 'csv']) }),
    output: fileOut,
  },
  subjectRequestLog: {
    input: subjectRequestInput,
    output: z.object({ requestId: z.number().int() }),
  },
  subjectRequestsOpen: {
    input: z.object({ today: isoDate }),
    output: z.object({ requests: z.array(subjectRequestRowSchema) }),
  },
  subjectRequestsClosed: {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ requests: z.array(closedSubjectRequestRowSchema) }),
  },
  subjectRequestClose: {
    input: z.object({
      requestId: z.number().int().positive(),
      outcome: z.enum(['fulfilled', 'refused']),
      reason: z.string().trim().max(2000).optional(),
      by: z.string().trim().max(100),
    }),
    output: z.object({ requestId: z.number().int() }),
  },
  customerErase: {
    input: z.object({ customerId, erasedBy: z.string().trim().min(1).max(100) }),
    output: z.object({ erasureId: z.number().int(), maskedName: z.string() }),
  },
} as const
