import Papa from 'papaparse'

// Splits decoded CSV text into records and cells exactly as papaparse does, but faster on the lines most
// exports are made of. A record whose first line holds no quote character is one `split(delimiter)` of that
// line: what papaparse does with such a line in either of its modes. Every other record (a quoted cell,
// a quote inside a cell, a cell running over several lines, malformed quotes) is handed to papaparse's own
// Parser from the record's start, one record at a time, so quoting and its errors are papaparse's to the
// letter. Papaparse reads a chunk with quotes anywhere in it character by character; Loyverse quotes only the
// few product names with a comma, so nearly every line takes the split (measured: read + parse of the
// 1,000,000-line bench file, see the import README).
//
// Chunks are fed in order; like papaparse's streaming mode, an unfinished last record is kept and parsed
// again with the next chunk, and the line ending is guessed once, from the first chunk, by papaparse's rule.

const QUOTE = '"'

type LineEnding = '\n' | '\r\n' | '\r'

export interface SplitChunk {
  /** Every record of the chunk in order, empty lines included (as `['']`), as papaparse returns them. */
  rows: string[][]
  /** Index into `rows` -> why papaparse could not split that record cleanly. */
  errors: Map<number, string>
}

export class CsvSplitter {
  private readonly delimiter: string
  private newline: LineEnding | null = null
  private rest = ''

  constructor(delimiter: string) {
    // papaparse's Parser falls back to ',' for a delimiter it cannot use
    this.delimiter = Papa.BAD_DELIMITERS.includes(delimiter) || delimiter.length === 0 ? ',' : delimiter
  }

  /** The records that `chunk` completes (with `final`, the last chunk: every record left). */
  push(chunk: string, final: boolean): SplitChunk {
    const text = this.rest + chunk
    this.rest = ''
    const rows: string[][] = []
    const errors = new Map<number, string>()
    const out: SplitChunk = { rows, errors }
    if (text === '') return out
    const nl = (this.newline ??= guessLineEndings(text))
    const delimiter = this.delimiter
    const n = text.length
    let at = 0
    // the next quote at or after `at` (-1: none in the rest of the text)
    let quote = text.indexOf(QUOTE)
    while (at < n) {
      const end = text.indexOf(nl, at)
      if (quote !== -1 && quote < at) quote = text.indexOf(QUOTE, at)
      if (quote === -1 || (end !== -1 && quote >= end)) {
        if (end === -1) {
          if (!final) this.rest = text.slice(at)
          else rows.push(text.slice(at).split(delimiter))
          return out
        }
        rows.push(text.slice(at, end).split(delimiter))
        at = end + nl.length
        continue
      }
      // a quote in this record: papaparse's Parser reads it, from its start
      const parser = new Papa.Parser({ delimiter, newline: nl, preview: 1 })
      const result = parser.parse(at === 0 ? text : text.slice(at), 0, !final) as {
        data: string[][]
        errors: { row?: number; message: string }[]
        meta: { cursor: number }
      }
      const row = result.data[0]
      if (row === undefined) {
        // unfinished (a quoted cell goes on in the next chunk): read it again then
        this.rest = text.slice(at)
        return out
      }
      // (as the reader takes papaparse's errors: the last one for a record is the one kept)
      for (const e of result.errors) if (e.row === 0) errors.set(rows.length, e.message)
      rows.push(row)
      at += result.meta.cursor
      // (a record papaparse ends at the end of the text is the last: no empty record after it, which only
      // ever changes the number of a row that does not exist)
      if (at >= n) return out
    }
    // the text ended with a line ending: papaparse reads one more, empty record after it
    if (final) rows.push([''])
    return out
  }
}

/** papaparse's ParserHandle.guessLineEndings (5.x), verbatim in effect: '\n', '\r\n' or '\r'. */
export function guessLineEndings(input: string): LineEnding {
  const head = input.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '')
  const r = head.split('\r')
  const n = head.split('\n')
  const nAppearsFirst = n.length > 1 && (n[0] as string).length < (r[0] as string).length
  if (r.length === 1 || nAppearsFirst) return '\n'
  let withN = 0
  for (const piece of r) if (piece[0] === '\n') withN++
  return withN >= r.length / 2 ? '\r\n' : '\r'
}
