import { z } from 'zod'
import { segmentIdSchema } from './analysis'
import { customerFilterSchema } from './customers'
import { isoDateSchema } from './dates'
import { basketLevelSchema, basketParamsSchema } from './products'
import { languages } from './settings'
import { retentionLists } from './retention'

// Printed reports: the main process builds each report as one self-contained HTML page (fonts embedded, charts
// as SVG); the app previews it, prints it or saves it as PDF, and the CLI writes the same HTML to a file.

export const reportNames = [
  'segments',
  'value',
  'customer',
  'retention',
  'call-list',
  'satisfaction',
  'baskets',
  'retention-list',
  'campaign',
  'campaign-letters',
  'campaign-labels',
] as const
export type ReportName = (typeof reportNames)[number]

/** Which customers a call list is for. */
export const callListSources = ['segment', 'at_risk', 'customers', 'customer_filter'] as const

export const reportRequestSchema = z
  .object({
    report: z.enum(reportNames),
    /** segments: one segment with all its customers; call-list: the segment to call. */
    segment: segmentIdSchema.optional(),
    /** customer: one page per customer; call-list: the customers of any list. */
    customerIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
    /** call-list only (default: 'segment' when a segment is given, else 'customers'). */
    source: z.enum(callListSources).optional(),
    /** call-list with source 'customer_filter': the customer book's filter; every customer it finds. */
    filter: customerFilterSchema.optional(),
    /** satisfaction: the responses' period (inclusive dates; default all). */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** baskets: the rules' settings (default those the Products page opens with). */
    basket: basketParamsSchema.extend({ level: basketLevelSchema.optional() }).strict().optional(),
    /** baskets: with both, the target list "bought this product but never that one" with contacts. */
    boughtProductId: z.number().int().positive().optional(),
    neverProductId: z.number().int().positive().optional(),
    /** retention-list: which list, as of which day (default: the last sale's). */
    list: z.enum(retentionLists).optional(),
    asOf: isoDateSchema.optional(),
    /** campaign, campaign-letters, campaign-labels: the campaign. */
    campaignId: z.number().int().positive().optional(),
    /** Default: the language of the settings. */
    language: z.enum(languages).optional(),
  })
  .strict()
export type ReportRequest = z.infer<typeof reportRequestSchema>

export const renderedReportSchema = z.object({
  title: z.string(),
  /** A file name for the saved PDF, e.g. 'lukkha-segments-2026-05-28.pdf'. */
  fileName: z.string(),
  orientation: z.enum(['portrait', 'landscape']),
  /** The complete page: <!doctype html>, print CSS, Sarabun embedded, no script. */
  html: z.string(),
})
export type RenderedReport = z.infer<typeof renderedReportSchema>

export const reportsContract = {
  renderReport: { input: reportRequestSchema, output: renderedReportSchema },
  /** The report as a PDF (A4), made by the app's own Chromium; the renderer offers it as a download. */
  saveReportPdf: {
    input: reportRequestSchema,
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** Opens the system's print dialog for the report. */
  printReport: { input: reportRequestSchema, output: z.object({ printed: z.boolean() }) },
} as const
