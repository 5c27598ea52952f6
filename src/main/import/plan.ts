import type {
  DateOrder,
  FieldName,
  ImportFormat,
  ImportKind,
  MappingOrigin,
  PresetName,
  TextEncoding,
} from '../../shared/api/import'
import { basename } from 'node:path'
import type { Sqlite } from '../db'
import { LukkhaError } from '../errors'
import { addEvidence, decideOrder, emptyEvidence, type DateOrderEvidence } from './date-order'
import { isEncodingGuess } from './encoding'
import { headerSignature } from './headers'
import {
  missingFields,
  parseMappingJson,
  resolvePreset,
  resolveUserMapping,
  type ColumnMapping,
  type ResolvedMapping,
} from './mapping'
import { detectPreset, guessColumns, presets } from './presets'
import { checkedScan, detectDelimiter, readHead, readTable, readTextSample, sniffFormat } from './read'
import type { ImportOptions } from './types'

// Everything decided about a file before a row is stored: its format, encoding, delimiter, header, layout
// (preset or mapping) and date order. The preview shows it; the import runs on it.

export const SAMPLE_ROWS = 2000

export interface FilePlan {
  path: string
  fileName: string
  format: ImportFormat
  size: number
  sha256: string
  encoding: TextEncoding | null
  detectedEncoding: TextEncoding | null
  /** The detected encoding is a guess (legacy bytes) or UTF-8 with bad bytes: shown as a warning. */
  encodingGuessed: boolean
  /** Invalid UTF-8 sequences in the file; their rows are rejected as bad_encoding, never stored as mojibake. */
  badSequences: number
  delimiter: string | null
  detectedDelimiter: string | null
  sheet: string | null
  sheets: string[]
  header: string[]
  sampleRows: string[][]
  sampleRowNumbers: number[]
  detectedPreset: PresetName | null
  /** Null when the header is no known layout and there is no mapping yet: the wizard's job. */
  mapping: ResolvedMapping | null
  mappingOrigin: MappingOrigin | null
  /** For a generic file without a mapping: the proposal the wizard starts from. */
  proposal: { kind: ImportKind; columns: Partial<Record<FieldName, string>> } | null
  missing: FieldName[][]
  dateOrder: { detected: DateOrder | null; ambiguous: boolean; chosen: DateOrder | null }
}

export function savedMapping(sqlite: Sqlite, header: string[]): ColumnMapping | null {
  const row = sqlite
    .prepare('select mapping from import_mappings where header_signature = ?')
    .pluck()
    .get(headerSignature(header)) as string | undefined
  if (row === undefined) return null
  try {
    return parseMappingJson(JSON.parse(row), 'saved mapping')
  } catch {
    return null // a mapping saved by another version that no longer parses is simply not offered
  }
}

function dateFields(kind: ImportKind): FieldName[] {
  return kind === 'sales' ? ['date'] : ['first_visit', 'last_visit', 'birthday']
}

function collect(e: DateOrderEvidence, mapping: ResolvedMapping, row: string[]): void {
  for (const field of dateFields(mapping.kind)) {
    for (const c of mapping.index[field] ?? []) {
      const v = row[c]
      if (v !== undefined && v !== '') {
        addEvidence(e, v)
        break
      }
    }
  }
}

export async function planImport(sqlite: Sqlite, path: string, options: ImportOptions): Promise<FilePlan> {
  const fileName = options.fileName ?? basename(path)
  const format = await sniffFormat(path)
  const scan = await checkedScan(path, format, fileName)
  const detectedEncoding = format === 'csv' ? scan.encoding : null
  const encoding = format === 'csv' ? (options.encoding ?? scan.encoding) : null
  let detectedDelimiter: string | null = null
  if (format === 'csv' && encoding) detectedDelimiter = detectDelimiter(await readTextSample(path, encoding))
  const delimiter = format === 'csv' ? (options.delimiter ?? detectedDelimiter) : null
  const readOptions = {
    ...(encoding ? { encoding } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  }
  const head = await readHead(path, format, { ...readOptions, limit: SAMPLE_ROWS })
  if (format === 'xlsx' && head.result.sheet === null) {
    throw new LukkhaError(
      'file_no_sheet',
      options.sheet
        ? `${fileName} has no sheet named "${options.sheet}" (its sheets: ${head.result.sheets.join(', ')}).`
        : `${fileName} has no sheet with data.`,
      undefined,
      { file: fileName, sheet: options.sheet ?? '' },
    )
  }
  if (head.header.length === 0)
    throw new LukkhaError('file_empty', `${fileName} is empty: it has no header row.`, undefined, {
      file: fileName,
    })

  const detected = detectPreset(head.header)
  const decimal = options.decimalSeparator ?? options.mapping?.decimalSeparator ?? '.'
  let mapping: ResolvedMapping | null = null
  let origin: MappingOrigin | null = null
  let proposal: FilePlan['proposal'] = null
  const choice = options.preset ?? 'auto'
  if (options.mapping) {
    mapping = resolveUserMapping({ ...options.mapping, decimalSeparator: decimal }, head.header, fileName)
    origin = 'user'
  } else if (choice !== 'auto' && choice !== 'generic') {
    mapping = resolvePreset(presets[choice], head.header, decimal)
    origin = 'preset'
  } else if (choice === 'auto' && detected) {
    mapping = resolvePreset(detected, head.header, decimal)
    origin = 'preset'
  } else {
    const saved = savedMapping(sqlite, head.header)
    if (saved) {
      mapping = resolveUserMapping(saved, head.header, fileName)
      origin = 'saved'
    } else {
      const guess = guessColumns(head.header, 'sales')
      proposal = { kind: 'sales', columns: guess }
    }
  }

  const evidence = emptyEvidence()
  let decision: { order: DateOrder | null; ambiguous: boolean } = { order: null, ambiguous: false }
  if (mapping) {
    for (const row of head.rows) collect(evidence, mapping, row)
    decision = decideOrder(evidence)
    const sawWholeFile = head.rows.length < SAMPLE_ROWS
    if (decision.ambiguous && !sawWholeFile && !options.dateOrder) {
      // The first rows fit both orders: read on until a date tells them apart (the 13th of a month comes soon)
      // and ask only if none does. A later date that does not fit is reported as a bad date on its row.
      const all = emptyEvidence()
      const m = mapping
      const stop = new AbortController()
      await readTable(
        path,
        format,
        { ...readOptions, signal: stop.signal },
        {
          header: () => undefined,
          batch: (b) => {
            for (const row of b.rows) collect(all, m, row)
            if (all.dmyMisfits + all.mdyMisfits > 0) stop.abort()
          },
        },
      )
      decision = decideOrder(all)
    }
  }

  return {
    path,
    fileName,
    format,
    size: scan.size,
    sha256: scan.sha256,
    encoding,
    detectedEncoding,
    encodingGuessed: format === 'csv' && isEncodingGuess(scan),
    badSequences: format === 'csv' ? scan.badSequences : 0,
    delimiter,
    detectedDelimiter,
    sheet: head.result.sheet,
    sheets: head.result.sheets,
    header: head.header,
    sampleRows: head.rows,
    sampleRowNumbers: head.rowNumbers,
    detectedPreset: detected?.name ?? null,
    mapping,
    mappingOrigin: origin,
    proposal,
    missing: mapping ? missingFields(mapping) : [],
    dateOrder: {
      detected: decision.order,
      ambiguous: decision.ambiguous,
      chosen: options.dateOrder ?? decision.order,
    },
  }
}
