import { z } from 'zod'
import { exportedFileSchema, tableExportOptionsSchema } from './export'
import { isoDateSchema } from './dates'
import { dateOrders } from './import-words'
import { jobIdSchema, jobSchemaOf } from './job-shape'

// The surveys API (issue 12): the template, capture (counter, paper, import), the satisfaction analysis and
// service recovery. Levels are the three of RTS-AMPQ-237A. Shares are fractions of 1; dates 'YYYY-MM-DD';
// money integer satang.

const isoDate = isoDateSchema

export const satisfactionLevels = ['delighted', 'satisfied', 'disappointed'] as const
export const levelSchema = z.enum(satisfactionLevels)
export type Level = z.infer<typeof levelSchema>

export const surveyChannels = ['counter', 'paper', 'phone', 'line', 'imported'] as const
export const channelSchema = z.enum(surveyChannels)
export type SurveyChannel = z.infer<typeof channelSchema>

export const followUpOutcomes = ['recovered', 'not_recovered', 'unreachable'] as const
export const outcomeSchema = z.enum(followUpOutcomes)

const aspectKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an aspect key is snake_case: a-z, 0-9 and _')
  .max(40)
const label = z.string().trim().min(1).max(120)

export const aspectSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  labelTh: z.string(),
  labelEn: z.string(),
  /** Asks expectation and perception on 1-5; the level follows from the gap. */
  asksGap: z.boolean(),
})

export const surveyTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'active', 'closed']),
  overallTh: z.string(),
  overallEn: z.string(),
  asksComment: z.boolean(),
  gapThreshold: z.number().int(),
  aspects: z.array(aspectSchema),
})
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>

export const surveyTemplateInputSchema = z.object({
  id: z.number().int(),
  name: label,
  overallTh: label,
  overallEn: label,
  asksComment: z.boolean(),
  gapThreshold: z.number().int().min(1).max(4),
  aspects: z
    .array(
      z.object({
        id: z.number().int().optional(),
        key: aspectKeySchema,
        labelTh: label,
        labelEn: label,
        asksGap: z.boolean(),
      }),
    )
    .min(1)
    .max(20),
})
export type SurveyTemplateInput = z.infer<typeof surveyTemplateInputSchema>

/** A purchase the counter can attach a response to. */
export const purchaseSchema = z.object({
  receiptId: z.number().int().nullable(),
  receiptNumber: z.string().nullable(),
  occurredAt: z.string().nullable(),
  netSatang: z.number().int().nullable(),
  storeId: z.number().int().nullable(),
  storeName: z.string().nullable(),
  staff: z.string().nullable(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  phone: z.string().nullable(),
  lineId: z.string().nullable(),
})
export type Purchase = z.infer<typeof purchaseSchema>

const score15 = z.number().int().min(1).max(5)

export const responseInputSchema = z.object({
  surveyId: z.number().int(),
  customerId: z.number().int().nullable(),
  receiptId: z.number().int().nullable(),
  storeId: z.number().int().nullable(),
  staff: z.string().trim().max(120).nullable(),
  /** Shop-local 'YYYY-MM-DDTHH:MM:SS'. */
  respondedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
  channel: channelSchema,
  overall: levelSchema.nullable(),
  comment: z.string().max(2000),
  answers: z
    .array(
      z.union([
        z.object({ aspectId: z.number().int(), level: levelSchema }),
        z.object({ aspectId: z.number().int(), expectation: score15, perception: score15 }),
      ]),
    )
    .min(1),
})
export type ResponseInput = z.infer<typeof responseInputSchema>

const sharesSchema = z.object({
  n: z.number().int(),
  delighted: z.number(),
  satisfied: z.number(),
  disappointed: z.number(),
  netDelight: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  small: z.boolean(),
})
export type SharesDto = z.infer<typeof sharesSchema>

export const aspectResultSchema = z.object({
  aspectId: z.number().int(),
  key: z.string(),
  labelTh: z.string(),
  labelEn: z.string(),
  shares: sharesSchema,
  /** P(overall disappointed | aspect disappointed) - P(overall disappointed | aspect not). */
  association: z.number().nullable(),
  /** disappointed share x (1 + max(0, association)). */
  impact: z.number(),
  /** 1 = improve first. */
  priority: z.number().int(),
})
export type AspectResult = z.infer<typeof aspectResultSchema>

const groupSchema = z.object({
  group: z.string(),
  /** Segments only: the segment's name from the segment map. */
  labelTh: z.string().optional(),
  labelEn: z.string().optional(),
  shares: sharesSchema,
})

export const afterLevelSchema = z.object({
  level: levelSchema,
  responses: z.number().int(),
  /** Per window: responses whose window has ended (eligible) and of those, who bought again. */
  within: z.array(
    z.object({ days: z.number().int(), eligible: z.number().int(), boughtAgain: z.number().int() }),
  ),
  /** Net spend in the 90 days after, over the eligible responses, satang. */
  eligible90: z.number().int(),
  spend90Satang: z.number().int(),
})

export const surveyAnalysisSchema = z.object({
  survey: surveyTemplateSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  responses: z.number().int(),
  /** Responses whose overall level was derived from the aspects (the overall question was not asked). */
  derivedOverall: z.number().int(),
  overall: sharesSchema,
  aspects: z.array(aspectResultSchema),
  months: z.array(z.object({ month: z.string(), shares: sharesSchema })),
  byStaff: z.array(groupSchema),
  byStore: z.array(groupSchema),
  byCategory: z.array(groupSchema),
  bySegment: z.array(groupSchema),
  afterLevel: z.array(afterLevelSchema),
  /** The last day of sales the behaviour after each level was measured to. */
  salesUntil: z.string().nullable(),
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
  disappointedComments: z.number().int(),
})
export type SurveyAnalysis = z.infer<typeof surveyAnalysisSchema>

export const followUpSchema = z.object({
  responseId: z.number().int(),
  taskId: z.number().int(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  phone: z.string().nullable(),
  lineId: z.string().nullable(),
  email: z.string().nullable(),
  respondedAt: z.string(),
  comment: z.string(),
  disappointedAspects: z.array(z.string()),
  outcome: outcomeSchema.nullable(),
  note: z.string(),
  closedAt: z.string().nullable(),
  boughtAgainAfter: z.boolean(),
})
export type FollowUp = z.infer<typeof followUpSchema>

export const recoverySchema = z.object({
  open: z.number().int(),
  closed: z.number().int(),
  /** Closed follow-ups whose customer bought again after the follow-up was closed. */
  boughtAgain: z.number().int(),
  /** boughtAgain / closed; null when none is closed. */
  rate: z.number().nullable(),
})

/** Which file column holds what; aspects by their key. Column names as the file's header writes them. */
export const surveyMappingSchema = z.object({
  respondedAt: z.string().min(1),
  phone: z.string().optional(),
  customerCode: z.string().optional(),
  receiptNumber: z.string().optional(),
  store: z.string().optional(),
  staff: z.string().optional(),
  overall: z.string().optional(),
  comment: z.string().optional(),
  aspects: z.record(z.string(), z.string()),
  /** Day/month order of d/m/y dates; Thai exports write day first (the default). */
  dateOrder: z.enum(dateOrders).optional(),
})
export type SurveyMapping = z.infer<typeof surveyMappingSchema>

export const surveyImportReasons = [
  'not_a_date',
  'empty_date',
  'bad_phone',
  'unknown_customer',
  'unknown_receipt',
  'unknown_store',
  'bad_level',
  'no_answer',
  'malformed',
] as const

export const surveyImportResultSchema = z.object({
  status: z.enum(['done', 'rejected']),
  fileName: z.string(),
  rowsRead: z.number().int(),
  responsesAdded: z.number().int(),
  followUpsCreated: z.number().int(),
  customersMatched: z.number().int(),
  /** Rows imported before (same content; identity in src/main/surveys/identity.ts), skipped. */
  duplicatesSkipped: z.number().int(),
  /** Their row numbers (the first 200). */
  duplicateRows: z.array(z.number().int()),
  errors: z.array(
    z.object({
      file: z.string(),
      /** 1-based data row (the header is not counted), as the sales import numbers them. */
      row: z.number().int(),
      column: z.string(),
      value: z.string(),
      reason: z.enum(surveyImportReasons),
      message: z.string(),
    }),
  ),
  errorCount: z.number().int(),
})
export type SurveyImportResult = z.infer<typeof surveyImportResultSchema>

/** The survey import as a job (progress reading/checking/writing, cancel): a rejected file ends failed. */
export const surveyImportJobSchema = jobSchemaOf('survey-import', surveyImportResultSchema)
export type SurveyImportJob = z.infer<typeof surveyImportJobSchema>
export const surveyImportPhases = [
  'survey-import.phase.reading',
  'survey-import.phase.checking',
  'survey-import.phase.writing',
] as const

const MAX_IMPORT_BASE64 = Math.ceil((8 * 1024 * 1024) / 3) * 4

export const surveysContract = {
  surveysTemplate: { input: z.undefined().optional(), output: surveyTemplateSchema },
  surveysSaveTemplate: { input: surveyTemplateInputSchema, output: surveyTemplateSchema },
  surveysFindPurchase: {
    input: z.object({ query: z.string().trim().min(1).max(60) }),
    output: z.array(purchaseSchema),
  },
  surveysRecord: {
    input: responseInputSchema,
    output: z.object({ responseId: z.number().int(), followUpTaskId: z.number().int().nullable() }),
  },
  surveysAnalysis: {
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
    output: surveyAnalysisSchema,
  },
  surveysFollowUps: {
    input: z.object({ status: z.enum(['open', 'closed', 'all']) }),
    output: z.object({ items: z.array(followUpSchema), recovery: recoverySchema }),
  },
  surveysCloseFollowUp: {
    input: z.object({ responseId: z.number().int(), outcome: outcomeSchema, note: z.string().max(2000) }),
    output: followUpSchema,
  },
  surveysImportPreview: {
    input: z.object({
      fileName: z.string().trim().min(1).max(255),
      base64: z.string().max(MAX_IMPORT_BASE64),
    }),
    output: z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  },
  /** Starts the import as a job (watch it with getJob / the job events; cancel with cancelJob). */
  surveysStartImport: {
    input: z.object({
      fileName: z.string().trim().min(1).max(255),
      base64: z.string().max(MAX_IMPORT_BASE64),
      mapping: surveyMappingSchema,
    }),
    output: z.object({ jobId: jobIdSchema }),
  },
  /** Headers (by column id; aspects as 'aspect:<key>') and level/channel words come in the user's language. */
  surveysExport: {
    input: z.object({
      ...tableExportOptionsSchema.shape,
      from: isoDate.optional(),
      to: isoDate.optional(),
      /** The words for a level or a channel in the cells (e.g. delighted -> ประทับใจ); else the key. */
      valueLabels: z.record(z.string().max(40), z.string().max(60)).optional(),
    }),
    output: exportedFileSchema,
  },
} as const
