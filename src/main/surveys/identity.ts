import { createHash } from 'node:crypto'

// The identity of an imported response, so that importing the same file again (or a later export of the
// same form, which repeats the earlier rows) does not add its answers twice.
//
// A response read from a file is "the n-th row of that file with this content", where the content is what
// the row says once read: the date-time (as stored), phone (normalised), customer code, receipt number,
// store, staff, overall level, comment (spaces collapsed) and each aspect's answer by aspect key. Its key
// is sha256(content) + '#' + n. Two identical rows in one file (two customers who answered the same on a
// day-only paper sheet) are two responses (#1, #2); the same file imported again gives the same keys, and
// so does a longer export of the same form for its first rows. The key is stored in
// survey_responses.source_key (unique); responses recorded at the counter have none.

export interface ResponseContent {
  respondedAt: string
  phone: string | null
  customerCode: string
  receiptNumber: string
  store: string
  staff: string
  overall: string | null
  comment: string
  /** aspect key -> level (or expectation/perception as written). */
  answers: Record<string, string>
}

/** sha256 of the content in a fixed order (aspects sorted by key), hex. */
export function contentHash(c: ResponseContent): string {
  const answers = Object.entries(c.answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const text = JSON.stringify([
    c.respondedAt,
    c.phone ?? '',
    c.customerCode,
    c.receiptNumber,
    c.store,
    c.staff,
    c.overall ?? '',
    c.comment.replace(/\s+/g, ' ').trim(),
    answers,
  ])
  return createHash('sha256').update(text).digest('hex')
}

/** The source key of each row: its content hash and which occurrence of that content in the file it is. */
export function sourceKeys(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return hashes.map((h) => {
    const n = (seen.get(h) ?? 0) + 1
    seen.set(h, n)
    return `${h}#${n}`
  })
}
