import { z } from 'zod'

// Shared pieces for every "export this list" method (no methods of its own): the request part that says which
// format and which header labels (the renderer sends them in the user's language), and the file that comes
// back as bytes. The renderer saves it as a download; main never writes a path the renderer chose.

export const tableFormatSchema = z.enum(['csv', 'xlsx'])

export const tableExportOptionsSchema = z.object({
  format: tableFormatSchema,
  /** Header label per column id, in the user's language; a column without one keeps its English id label. */
  headers: z.record(z.string().max(60), z.string().max(120)).optional(),
  /** The sheet / file name's base, e.g. the list's title in the user's language. */
  title: z.string().max(120).optional(),
})
export type TableExportOptions = z.infer<typeof tableExportOptionsSchema>

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64. */
  base64: z.string(),
  rows: z.number().int().min(0),
})
export type ExportedFile = z.infer<typeof exportedFileSchema>
