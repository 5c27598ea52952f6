import { createHash } from 'node:crypto'

/** Headers are matched by name, trimmed and case-insensitive, never by position (POS_FORMATS.md). */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase()
}

/** Identifies "a file with the same header" for saved mappings: the normalised names in order. */
export function headerSignature(header: readonly string[]): string {
  return createHash('sha256').update(header.map(normalizeHeader).join('\u001f')).digest('hex').slice(0, 32)
}
