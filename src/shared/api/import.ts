import { z } from 'zod'
import {
  customerFields,
  dateOrders,
  decimalSeparators,
  GENERIC_PRESET,
  importFormats,
  importKinds,
  mappingOrigins,
  presetNames,
  rowReasons,
  saleFields,
  textEncodings,
} from './import-words'
import { jobIdSchema, jobSchemaOf } from './job-shape'

// The Import page's API. The renderer never names a filesystem path: it sends the file's bytes (base64, in
// chunks) and gets an opaque fileId; every later call works on that id. Long work (the import itself) runs
// off the UI thread as a job: startImport returns a jobId, progress arrives as 'job' events (kind
// 'import'), and getJob (src/shared/api/jobs.ts) returns the state and, at the end, the summary.

export const textEncodingSchema = z.enum(textEncodings)
export type TextEncoding = z.infer<typeof textEncodingSchema>
export const presetNameSchema = z.enum(presetNames)
export type PresetName = z.infer<typeof presetNameSchema>
export const presetChoiceSchema = z.union([presetNameSchema, z.literal(GENERIC_PRESET)])
export type PresetChoice = z.infer<typeof presetChoiceSchema>
export const importKindSchema = z.enum(importKinds)
export type ImportKind = z.infer<typeof importKindSchema>
export const dateOrderSchema = z.enum(dateOrders)
export type DateOrder = z.infer<typeof dateOrderSchema>
export const decimalSeparatorSchema = z.enum(decimalSeparators)
export type DecimalSeparator = z.infer<typeof decimalSeparatorSchema>
export const importFormatSchema = z.enum(importFormats)
export type ImportFormat = z.infer<typeof importFormatSchema>
export const mappingOriginSchema = z.enum(mappingOrigins)
export type MappingOrigin = z.infer<typeof mappingOriginSchema>
export { customerFields, rowReasons, saleFields }
export type SaleField = (typeof saleFields)[number]
export type CustomerField = (typeof customerFields)[number]
export type RowReason = (typeof rowReasons)[number]

export const fieldNameSchema = z.enum([...new Set([...saleFields, ...customerFields])] as [
  SaleField | CustomerField,
  ...(SaleField | CustomerField)[],
])
export type FieldName = z.infer<typeof fieldNameSchema>

/** A column mapping made in the wizard: each Lukkha field -> the file's column name (or null: not mapped). */
export const columnMappingSchema = z.object({
  kind: importKindSchema,
  /** The POS's name: receipts are told apart per source. */
  source: z.string().trim().min(1).max(40).optional(),
  decimalSeparator: decimalSeparatorSchema.optional(),
  columns: z.partialRecord(fieldNameSchema, z.string().max(200).nullable()),
})
export type ColumnMappingDto = z.infer<typeof columnMappingSchema>

/** What the user confirms in the preview; everything absent is detected. */
export const importOptionsSchema = z.object({
  encoding: textEncodingSchema.optional(),
  delimiter: z.string().length(1).optional(),
  sheet: z.string().max(200).optional(),
  /** 'auto' detects the layout from the header; 'generic' uses `mapping` (or the saved one). */
  preset: z.union([presetChoiceSchema, z.literal('auto')]).optional(),
  mapping: columnMappingSchema.optional(),
  dateOrder: dateOrderSchema.optional(),
  decimalSeparator: decimalSeparatorSchema.optional(),
})
export type ImportOptionsDto = z.infer<typeof importOptionsSchema>

const fileId = z.string().regex(/^[0-9a-f-]{36}$/)
const jobId = jobIdSchema

export const rowIssueSchema = z.object({
  /** 1-based data row (the header is not counted). */
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** i18n key import.reason.<reason> */
  reason: z.enum(rowReasons),
  /** English detail, with the value; the UI shows the translated reason and may show this too. */
  message: z.string(),
})
export type RowIssueDto = z.infer<typeof rowIssueSchema>

export const fieldInfoSchema = z.object({
  name: fieldNameSchema,
  /** The requirement groups it belongs to: a mapping must give at least one field of each group. */
  requiredGroup: z.number().int().nullable(),
})

/** One of the first rows as the import will read it with the current mapping. */
export const sampleRowSchema = z.object({
  row: z.number().int(),
  /** Sales: the line as it would be stored; customers: the customer. Null when the row has errors. */
  sale: z
    .object({
      receiptNumber: z.string(),
      occurredAt: z.string(),
      refund: z.boolean(),
      customerName: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      product: z.string().nullable(),
      quantity: z.number(),
      unitPrice: z.number().int(),
      net: z.number().int(),
      store: z.string().nullable(),
    })
    .nullable(),
  customer: z
    .object({
      code: z.string().nullable(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
  ignored: z.boolean(),
  errors: z.array(rowIssueSchema),
  warnings: z.array(rowIssueSchema),
})

export const previewSchema = z.object({
  fileId,
  fileName: z.string(),
  format: importFormatSchema,
  size: z.number().int(),
  encoding: z.object({
    value: textEncodingSchema.nullable(),
    detected: textEncodingSchema.nullable(),
    /** The detected encoding is a guess, or UTF-8 with damaged bytes (badSequences): the preview warns. */
    guessed: z.boolean(),
    badSequences: z.number().int(),
    options: z.array(textEncodingSchema),
  }),
  delimiter: z.object({
    value: z.string().nullable(),
    detected: z.string().nullable(),
    options: z.array(z.string()),
  }),
  sheet: z.object({ value: z.string().nullable(), options: z.array(z.string()) }),
  header: z.array(z.string()),
  /** The first rows, decoded, as the file has them. */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  preset: z.object({
    value: presetChoiceSchema.nullable(),
    detected: presetNameSchema.nullable(),
    options: z.array(z.object({ name: presetNameSchema, kind: importKindSchema })),
  }),
  kind: importKindSchema,
  /** The mapping in use (a preset's, the user's, or the one saved for this header), or null when none yet. */
  mapping: columnMappingSchema.nullable(),
  mappingOrigin: mappingOriginSchema.nullable(),
  /** For a file with no mapping yet: what the wizard should start from. */
  proposal: columnMappingSchema.nullable(),
  fields: z.array(fieldInfoSchema),
  /** Requirement groups the mapping does not meet. */
  missing: z.array(z.array(fieldNameSchema)),
  dateOrder: z.object({
    value: dateOrderSchema.nullable(),
    detected: dateOrderSchema.nullable(),
    /** Every date fits both orders: the user must choose (value is the choice, null until made). */
    needsDecision: z.boolean(),
  }),
  sample: z.array(sampleRowSchema),
  /** Imports of this exact file before (by content). */
  previousImports: z.array(
    z.object({
      importId: z.number().int(),
      startedAt: z.string(),
      status: z.string(),
      linesAdded: z.number().int(),
    }),
  ),
  /** Mapping complete and no question open: startImport will run. */
  ready: z.boolean(),
})
export type ImportPreview = z.infer<typeof previewSchema>

export const customerBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})

export const importSummarySchema = z.object({
  /** The import's end, in the job states' words (a file whose rows were rejected stored nothing: failed). */
  status: z.enum(['done', 'failed', 'cancelled']),
  importId: z.number().int().nullable(),
  fileName: z.string(),
  format: importFormatSchema,
  preset: presetChoiceSchema,
  kind: importKindSchema,
  source: z.string(),
  encoding: textEncodingSchema.nullable(),
  /** The encoding is a guess (legacy bytes) or UTF-8 with bad bytes: the user should check the text. */
  encodingGuessed: z.boolean(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  dateOrder: dateOrderSchema.nullable(),
  rowsRead: z.number().int(),
  rowsRejected: z.number().int(),
  rowsIgnored: z.number().int(),
  receiptsAdded: z.number().int(),
  linesAdded: z.number().int(),
  duplicatesSkipped: z.number().int(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  productsCreated: z.number().int(),
  storesCreated: z.number().int(),
  mergeSuggestions: z.number().int(),
  /** Net amount of the lines added, satang. */
  netAdded: z.number().int(),
  /** The first rejected rows' problems (rowsRejected says how many rows in all). */
  errors: z.array(rowIssueSchema),
  warnings: z.array(rowIssueSchema),
  warningCount: z.number().int(),
  /** importRejectedRows can return them as CSV. */
  hasRejectedRows: z.boolean(),
  /** The customers this import created (the first 100). */
  newCustomers: z.array(customerBriefSchema),
  elapsedMs: z.number(),
})
export type ImportSummaryDto = z.infer<typeof importSummarySchema>

/** An import job (getJob): its result is the summary, also when it failed on rejected rows. */
export const importJobSchema = jobSchemaOf('import', importSummarySchema)
export type ImportJob = z.infer<typeof importJobSchema>

export const importRecordSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  preset: z.string(),
  source: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed', 'undone']),
  rowsRead: z.number().int(),
  receiptsAdded: z.number().int(),
  linesAdded: z.number().int(),
  duplicatesSkipped: z.number().int(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  rowsRejected: z.number().int(),
  rowsIgnored: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
})

export const undoResultSchema = z.object({
  importId: z.number().int(),
  receiptsRemoved: z.number().int(),
  linesRemoved: z.number().int(),
  customersRemoved: z.number().int(),
  customersRestored: z.number().int(),
  productsRemoved: z.number().int(),
  storesRemoved: z.number().int(),
})

export const mergeSuggestionSchema = z.object({
  id: z.number().int(),
  reason: z.enum(['code', 'phone', 'email', 'name']),
  /** The shared phone, e-mail, code or name. */
  value: z.string(),
  status: z.enum(['open', 'merged', 'dismissed']),
  importId: z.number().int().nullable(),
  customer: customerBriefSchema,
  other: customerBriefSchema,
})

const csvFile = z.object({ fileName: z.string(), csv: z.string() })

/** base64 of at most 8 MiB per chunk */
const MAX_CHUNK_BASE64 = Math.ceil((8 * 1024 * 1024) / 3) * 4

export const importContract = {
  importUploadBegin: {
    input: z.object({
      fileName: z.string().trim().min(1).max(255),
      size: z
        .number()
        .int()
        .min(0)
        .max(4 * 1024 ** 3),
    }),
    output: z.object({ fileId }),
  },
  importUploadChunk: {
    input: z.object({ fileId, offset: z.number().int().min(0), base64: z.string().max(MAX_CHUNK_BASE64) }),
    output: z.object({ received: z.number().int(), complete: z.boolean() }),
  },
  importPreview: {
    input: z.object({ fileId, options: importOptionsSchema.optional() }),
    output: previewSchema,
  },
  startImport: {
    input: z.object({
      fileId,
      options: importOptionsSchema.optional(),
      validRowsOnly: z.boolean().optional(),
    }),
    output: z.object({ jobId }),
  },
  importRejectedRows: { input: z.object({ jobId }), output: csvFile },
  importDiscard: { input: z.object({ fileId }), output: z.object({ discarded: z.boolean() }) },
  importHistory: { input: z.undefined(), output: z.object({ imports: z.array(importRecordSchema) }) },
  importUndo: { input: z.object({ importId: z.number().int().positive() }), output: undoResultSchema },
  importMergeSuggestions: {
    input: z
      .object({
        importId: z.number().int().positive().optional(),
        status: z.enum(['open', 'merged', 'dismissed']).optional(),
      })
      .optional(),
    output: z.object({ suggestions: z.array(mergeSuggestionSchema) }),
  },
  importTemplate: { input: z.undefined(), output: csvFile },
} as const
