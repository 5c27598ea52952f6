/**
 * A copy of a string that does not keep its source alive. The CSV parser's fields are slices of the decoded
 * text chunk they came from (a megabyte or more); a field kept in a long-lived map (a product name, a receipt
 * number) would pin its whole chunk, and a million-line import would hold hundreds of megabytes of old chunks.
 * Concatenating makes V8 build a new flat string; slicing that keeps only the new one alive.
 */
/**
 * V8 copies a substring shorter than this (SlicedString::kMinLength) instead of pointing into its parent, so
 * such a field pins nothing and needs no copy (receipt numbers, SKUs, phones: most keys a million-line import
 * keeps).
 */
const SHORT = 13

export function detach(s: string): string {
  return s.length < SHORT ? s : (' ' + s).slice(1)
}
