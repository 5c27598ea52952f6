import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldName, ImportOptionsDto, ImportPreview, importContract } from '../../shared/api/import'
import { presetNames, textEncodings } from '../../shared/api/import-words'
import { fieldsOf, requiredFields } from '../import/fields'
import { takeBackup } from '../backup/store'
import { listImports, undoImport } from '../import/history'
import { importJob, startImportJob } from '../import/job'
import { previewFile } from '../import/preview'
import { presets } from '../import/presets'
import { delimiterCandidates } from '../import/read/csv'
import { listMergeSuggestions } from '../customers/merge-suggestions'
import { templateCsv } from '../import/template'
import type { ImportOptions } from '../import/types'
import { UploadStore } from '../import/uploads'
import { LukkhaError } from '../errors'
import type { ApiContext } from './context'
import type { Handlers } from './handler'

// Thin handlers over the import engine (src/main/import). Each API context (the app's one database) gets its
// own upload folder; the import jobs are in the context's one job registry (ctx.jobs).

interface ImportSession {
  uploads: UploadStore
  /** Previews running in a worker, by upload: discarding the upload stops them. */
  previews: Map<string, Set<AbortController>>
}

const sessions = new WeakMap<ApiContext, ImportSession>()
const uploadStores = new Set<UploadStore>()
// uploaded copies and rejected-row files are temporary: gone when the app quits
process.once('exit', () => {
  for (const store of uploadStores) store.dispose()
})

function session(ctx: ApiContext): ImportSession {
  let s = sessions.get(ctx)
  if (!s) {
    const uploads = new UploadStore()
    uploadStores.add(uploads)
    s = { uploads, previews: new Map() }
    sessions.set(ctx, s)
  }
  return s
}

function engineOptions(dto: ImportOptionsDto | undefined, fileName: string): ImportOptions {
  const o = dto ?? {}
  const columns: Partial<Record<FieldName, string>> = {}
  for (const [field, column] of Object.entries(o.mapping?.columns ?? {})) {
    if (column) columns[field as FieldName] = column
  }
  return {
    fileName,
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(o.preset ? { preset: o.preset } : {}),
    ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}),
    ...(o.decimalSeparator ? { decimalSeparator: o.decimalSeparator } : {}),
    ...(o.mapping
      ? {
          mapping: {
            kind: o.mapping.kind,
            columns,
            ...(o.mapping.source ? { source: o.mapping.source } : {}),
            ...(o.mapping.decimalSeparator ? { decimalSeparator: o.mapping.decimalSeparator } : {}),
          },
        }
      : {}),
  }
}

async function preview(
  ctx: ApiContext,
  fileId: string,
  options: ImportOptionsDto | undefined,
): Promise<ImportPreview> {
  const { uploads, previews } = session(ctx)
  const upload = uploads.complete(fileId)
  const engine = engineOptions(options, upload.fileName)
  // a workbook is previewed in a bounded worker thread; discarding the upload stops it
  const stop = new AbortController()
  const running = previews.get(fileId) ?? new Set<AbortController>()
  previews.set(fileId, running.add(stop))
  const { plan, sample, previousImports, ready } = await previewFile(
    ctx.connection.sqlite,
    upload.path,
    engine,
    { dbFile: ctx.connection.file, signal: stop.signal },
  ).finally(() => running.delete(stop))
  const mapping = plan.mapping
  const kind = mapping?.kind ?? plan.proposal?.kind ?? 'sales'
  const groups = requiredFields(kind)
  return {
    fileId,
    fileName: upload.fileName,
    format: plan.format,
    size: plan.size,
    encoding: {
      value: plan.encoding,
      detected: plan.detectedEncoding,
      guessed: plan.encodingGuessed,
      badSequences: plan.badSequences,
      options: plan.format === 'csv' ? [...textEncodings] : [],
    },
    delimiter: {
      value: plan.delimiter,
      detected: plan.detectedDelimiter,
      options: plan.format === 'csv' ? [...delimiterCandidates] : [],
    },
    sheet: { value: plan.sheet, options: plan.sheets },
    header: plan.header,
    rows: plan.sampleRows.slice(0, 20).map((cells, i) => ({ row: plan.sampleRowNumbers[i] ?? i + 1, cells })),
    preset: {
      value: mapping?.preset ?? null,
      detected: plan.detectedPreset,
      options: presetNames.map((name) => ({ name, kind: presets[name].kind })),
    },
    kind,
    mapping: mapping
      ? {
          kind: mapping.kind,
          source: mapping.source,
          decimalSeparator: mapping.decimalSeparator,
          columns: mapping.columns,
        }
      : null,
    mappingOrigin: plan.mappingOrigin,
    proposal: plan.proposal ? { kind: plan.proposal.kind, columns: plan.proposal.columns } : null,
    fields: fieldsOf(kind).map((name) => {
      const group = groups.findIndex((g) => g.includes(name))
      return { name, requiredGroup: group < 0 ? null : group }
    }),
    missing: plan.missing,
    dateOrder: {
      value: plan.dateOrder.chosen,
      detected: plan.dateOrder.detected,
      needsDecision: plan.dateOrder.ambiguous,
    },
    sample: sample.map((s) => ({
      row: s.row,
      ignored: s.ignored,
      errors: s.errors,
      warnings: s.warnings,
      sale: s.sale && {
        receiptNumber: s.sale.receiptNumber,
        occurredAt: s.sale.occurredAt,
        refund: s.sale.refund || s.sale.net < 0,
        customerName: s.sale.identity?.name || null,
        phone: s.sale.identity?.phone ?? null,
        email: s.sale.identity?.email ?? null,
        product: s.sale.productName ?? s.sale.sku,
        quantity: s.sale.quantity,
        unitPrice: s.sale.unitPrice,
        net: s.sale.net,
        store: s.sale.store,
      },
      customer: s.customer && {
        code: s.customer.identity.code,
        name: s.customer.identity.name,
        phone: s.customer.identity.phone,
        email: s.customer.identity.email,
      },
    })),
    previousImports,
    ready,
  }
}

export const importHandlers: Handlers<typeof importContract> = {
  importUploadBegin: ({ fileName, size }, ctx) => ({
    fileId: session(ctx).uploads.begin(fileName, size).fileId,
  }),

  importUploadChunk: ({ fileId, offset, base64 }, ctx) => {
    const bytes = Buffer.from(base64, 'base64')
    const upload = session(ctx).uploads.append(fileId, offset, bytes)
    return { received: upload.received, complete: upload.received === upload.size }
  },

  importPreview: ({ fileId, options }, ctx) => preview(ctx, fileId, options),

  startImport: ({ fileId, options, validRowsOnly }, ctx) => {
    const { uploads } = session(ctx)
    const upload = uploads.complete(fileId)
    const engine: ImportOptions = {
      ...engineOptions(options, upload.fileName),
      validRowsOnly: validRowsOnly ?? false,
      rejectedOut: join(uploads.folder(), `${randomUUID()}-rejected.csv`),
    }
    return { jobId: startImportJob(ctx.jobs, ctx.db, ctx.connection.file, upload.path, engine, ctx.now()) }
  },

  importRejectedRows: ({ jobId }, ctx) => {
    const summary = ctx.jobs.resultOf(importJob, jobId)
    if (!summary.rejectedFile) throw new LukkhaError('not_found', 'This import has no rejected rows.')
    const base = summary.fileName.replace(/\.[^.]*$/, '')
    return { fileName: `${base}-rejected.csv`, csv: readFileSync(summary.rejectedFile, 'utf8') }
  },

  importDiscard: ({ fileId }, ctx) => {
    const { uploads, previews } = session(ctx)
    for (const stop of previews.get(fileId) ?? []) stop.abort()
    previews.delete(fileId)
    return { discarded: uploads.discard(fileId) }
  },

  importHistory: async (_input, ctx) => ({
    imports: (await listImports(ctx.db)).map((r) => ({
      id: r.id,
      fileName: r.file_name,
      preset: r.preset,
      source: r.source,
      status: r.status,
      rowsRead: r.rows_read,
      receiptsAdded: r.receipts_added,
      linesAdded: r.lines_added,
      duplicatesSkipped: r.duplicates_skipped,
      customersCreated: r.customers_created,
      customersMatched: r.customers_matched,
      rowsRejected: r.rows_rejected,
      rowsIgnored: r.rows_ignored,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      undoneAt: r.undone_at,
    })),
  }),

  importUndo: async ({ importId }, ctx) => {
    if (ctx.jobs.busy('import')) {
      throw new LukkhaError('import_running', 'An import is running; undo when it has finished.')
    }
    // a verified backup first: an undo removes data (the backup folder keeps it, rotated)
    if (ctx.connection.file !== ':memory:' && ctx.connection.file !== '')
      await takeBackup(ctx.connection.sqlite, ctx.connection.file, 'before-undo', ctx.now())
    return undoImport(ctx.db, importId, () => ctx.now())
  },

  importMergeSuggestions: async (input, ctx) => ({
    suggestions: await listMergeSuggestions(ctx.db, input ?? {}),
  }),

  importTemplate: () => ({ fileName: 'lukkha-sales-template.csv', csv: templateCsv() }),
}
