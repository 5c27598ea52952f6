import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CsvSplitter } from '../../src/main/import/read/csv-split'

// The CSV splitter (src/main/import/read/csv-split.ts) must split text exactly as papaparse's streaming mode
// does, chunk by chunk: every non-empty record with its number among all records, and every record papaparse
// reports an error for, with papaparse's message. Compared on generated texts full of what CSV gets wrong:
// quotes in and around cells, escaped quotes, cells running over lines, quotes never closed, CR, LF and CRLF
// line endings (also mixed), empty lines, BOMs and Thai text, cut into chunks at random places.

interface Split {
  rows: [number, string[]][]
  errors: [number, string][]
}

const isEmpty = (row: string[]): boolean => row.every((c) => c === '')

/**
 * papaparse's own streaming parse of the same chunks (its StringStreamer cuts the text every chunkSize). Given
 * a string, papaparse first drops a leading BOM, which it does not for a stream (the reader's decoder has
 * already dropped the file's): the texts compared do not start with one.
 */
function papa(text: string, delimiter: string, chunkSize: number): Split {
  const out: Split = { rows: [], errors: [] }
  let record = 0
  Papa.parse<string[]>(text, {
    delimiter,
    chunkSize,
    worker: false,
    complete: () => undefined,
    chunk(results: Papa.ParseResult<string[]>) {
      const bad = new Map<number, string>()
      for (const e of results.errors) if (typeof e.row === 'number') bad.set(e.row, e.message)
      results.data.forEach((row, i) => {
        record++
        const message = bad.get(i)
        if (message !== undefined) out.errors.push([record, message])
        else if (!isEmpty(row)) out.rows.push([record, row])
      })
    },
  })
  return out
}

function ours(text: string, delimiter: string, chunkSize: number): Split {
  const out: Split = { rows: [], errors: [] }
  const splitter = new CsvSplitter(delimiter)
  let record = 0
  const take = ({ rows, errors }: ReturnType<CsvSplitter['push']>): void =>
    rows.forEach((row, i) => {
      record++
      const message = errors.get(i)
      if (message !== undefined) out.errors.push([record, message])
      else if (!isEmpty(row)) out.rows.push([record, row])
    })
  for (let at = 0; at < text.length; at += chunkSize)
    take(splitter.push(text.slice(at, at + chunkSize), false))
  take(splitter.push('', true))
  return out
}

const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', '1', ' ', '.', 'ก', 'น') }),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '"',
      '""',
      ',',
      ';',
      '\t',
      '|',
      '\n',
      '\r\n',
      '\r',
      '"a,b"',
      '"x\ny"',
      '" "',
      '\uFEFF',
    ),
  },
)
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''))

describe('CSV splitter', () => {
  it('splits generated texts exactly as papaparse streams them, in any chunks', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 40 }),
        (t, d, size) => {
          fc.pre(!t.startsWith('\uFEFF'))
          expect(ours(t, d, size)).toEqual(papa(t, d, size))
        },
      ),
      { seed: 20261201, numRuns: 4000 },
    )
  })

  it('keeps quoted cells, escaped quotes and line breaks inside quotes as papaparse does', () => {
    const t =
      'a,b,c\r\n1,"x, y",3\r\n2,"say ""hi""",4\r\n3,"two\r\nlines",5\r\n\r\n4,plain,6\r\n5,"open,7\r\n'
    for (const size of [16, 23, 1000]) {
      const got = ours(t, ',', size)
      expect(got).toEqual(papa(t, ',', size))
      expect(got.rows.map(([, r]) => r)).toContainEqual(['3', 'two\r\nlines', '5'])
      expect(got.errors).toEqual([[7, 'Quoted field unterminated']])
    }
  })

  it('uses the line ending papaparse guesses from the first chunk, also a lone CR', () => {
    for (const t of ['a;b\rc;d\re;f', 'a;b\nc;"d\r"\ne;f\n', 'a;b\r\nc;d\ne;f\r\n']) {
      expect(ours(t, ';', 4)).toEqual(papa(t, ';', 4))
    }
  })
})
