import type { DecimalSeparator, FieldName, ImportKind, PresetChoice } from '../../shared/api/import'
import { LukkhaError } from '../errors'
import { allFields, fieldsOf, requiredFields } from './fields'
import { normalizeHeader } from './headers'
import { presets, type Preset } from './presets'

/** A mapping the user makes in the wizard (or writes as --mapping FILE.json): field -> the file's column name. */
export interface ColumnMapping {
  kind: ImportKind
  /** The natural-key source of the receipts, e.g. the POS's name; 'generic' when not given. */
  source?: string
  decimalSeparator?: DecimalSeparator
  columns: Partial<Record<FieldName, string>>
}

/** A preset or a user mapping applied to one header: each field's column indexes, in fallback order. */
export interface ResolvedMapping {
  preset: PresetChoice
  kind: ImportKind
  source: string
  codeKind: Preset['codeKind']
  decimalSeparator: DecimalSeparator
  header: string[]
  index: Partial<Record<FieldName, number[]>>
  fillDown: FieldName[]
  defaultVariant: string | null
  refundReceiptSuffix: string | null
  /** The mapping as field -> column name, to show in the wizard and to save. */
  columns: Partial<Record<FieldName, string>>
}

function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const key = normalizeHeader(h)
    if (key !== '' && !index.has(key)) index.set(key, i)
  })
  return index
}

export function resolvePreset(
  preset: Preset,
  header: string[],
  decimalSeparator: DecimalSeparator = '.',
): ResolvedMapping {
  const byName = headerIndex(header)
  const index: Partial<Record<FieldName, number[]>> = {}
  const columns: Partial<Record<FieldName, string>> = {}
  for (const [field, names] of Object.entries(preset.columns) as [FieldName, string[]][]) {
    const found = names.map((n) => byName.get(normalizeHeader(n))).filter((i) => i !== undefined)
    if (found.length) {
      index[field] = [...new Set(found)]
      columns[field] = header[found[0] ?? 0] ?? ''
    }
  }
  return {
    preset: preset.name,
    kind: preset.kind,
    source: preset.source,
    codeKind: preset.codeKind,
    decimalSeparator,
    header,
    index,
    fillDown: preset.fillDown ?? [],
    defaultVariant: preset.defaultVariant ?? null,
    refundReceiptSuffix: preset.refundReceiptSuffix ?? null,
    columns,
  }
}

export function resolveUserMapping(
  mapping: ColumnMapping,
  header: string[],
  fileName: string,
): ResolvedMapping {
  const byName = headerIndex(header)
  const index: Partial<Record<FieldName, number[]>> = {}
  const columns: Partial<Record<FieldName, string>> = {}
  const allowed = new Set<FieldName>(fieldsOf(mapping.kind))
  for (const [field, column] of Object.entries(mapping.columns) as [FieldName, string | undefined][]) {
    if (column === undefined || column === '') continue
    if (!allowed.has(field)) {
      throw new LukkhaError(
        'bad_input',
        `The mapping names "${field}", which is not a field of a ${mapping.kind} import.`,
      )
    }
    const i = byName.get(normalizeHeader(column))
    if (i === undefined) {
      throw new LukkhaError(
        'bad_input',
        `${fileName}: the mapping takes ${field} from the column "${column}", but the header has no such column (it has: ${header.join(', ')}).`,
        { field, column },
      )
    }
    index[field] = [i]
    columns[field] = header[i] ?? column
  }
  return {
    preset: 'generic',
    kind: mapping.kind,
    source: mapping.source?.trim() || 'generic',
    codeKind: 'pos_id',
    decimalSeparator: mapping.decimalSeparator ?? '.',
    header,
    index,
    fillDown: [],
    defaultVariant: null,
    refundReceiptSuffix: null,
    columns,
  }
}

/** The requirements a mapping does not meet, each as its "one of" list of fields. */
/** The file's column a field is read from (its first), as the header names it: what issues name. */
export function columnName(mapping: Pick<ResolvedMapping, 'header' | 'index'>, field: FieldName): string {
  const c = mapping.index[field]?.[0]
  return c === undefined ? field : (mapping.header[c] ?? field)
}

export function missingFields(mapping: Pick<ResolvedMapping, 'kind' | 'index'>): FieldName[][] {
  return requiredFields(mapping.kind).filter((anyOf) => !anyOf.some((f) => mapping.index[f]?.length))
}

export function assertComplete(mapping: ResolvedMapping, fileName: string): void {
  const missing = missingFields(mapping)
  if (missing.length === 0) return
  const what = missing.map((anyOf) => anyOf.join(' or ')).join('; ')
  throw new LukkhaError(
    'bad_input',
    `${fileName}: no column for ${what} (${mapping.preset === 'generic' ? 'map one in the mapping' : `the ${mapping.preset} layout needs it`}).`,
    { missing },
  )
}

/**
 * Reads a mapping file: either { "kind", "source", "decimal_separator", "columns": { field: column } } or just
 * { field: column }. Unknown fields are refused with their name, so a typo does not silently drop a column.
 */
export function parseMappingJson(raw: unknown, origin: string): ColumnMapping {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LukkhaError('bad_input', `${origin}: a mapping is a JSON object of field -> column name.`)
  }
  const obj = raw as Record<string, unknown>
  const nested = typeof obj.columns === 'object' && obj.columns !== null
  const columnsRaw = (nested ? obj.columns : obj) as Record<string, unknown>
  const columns: Partial<Record<FieldName, string>> = {}
  const known = new Set<string>(allFields)
  for (const [key, value] of Object.entries(columnsRaw)) {
    if (!nested && ['kind', 'source', 'decimal_separator', 'decimalSeparator'].includes(key)) continue
    if (!known.has(key)) {
      throw new LukkhaError(
        'bad_input',
        `${origin}: "${key}" is not a Lukkha field. Fields: ${allFields.join(', ')}.`,
      )
    }
    if (value === null || value === '') continue
    if (typeof value !== 'string') {
      throw new LukkhaError('bad_input', `${origin}: the column for "${key}" must be a column name (text).`)
    }
    columns[key as FieldName] = value
  }
  const kind =
    obj.kind ??
    (Object.keys(columns).some((f) => f === 'receipt_number' || f === 'quantity') ? 'sales' : 'customers')
  if (kind !== 'sales' && kind !== 'customers') {
    throw new LukkhaError('bad_input', `${origin}: "kind" is "sales" or "customers".`)
  }
  const decimal = obj.decimal_separator ?? obj.decimalSeparator ?? '.'
  if (decimal !== '.' && decimal !== ',') {
    throw new LukkhaError('bad_input', `${origin}: "decimal_separator" is "." or ",".`)
  }
  const source = typeof obj.source === 'string' ? obj.source : undefined
  return { kind, decimalSeparator: decimal, columns, ...(source ? { source } : {}) }
}

export { presets }
