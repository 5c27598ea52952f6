import type { TextEncoding } from '../../../shared/api/import'
import { open } from 'node:fs/promises'
import Papa from 'papaparse'
import { createDecoder } from '../encoding'
import type { PartClock } from '../parts'
import { CsvSplitter } from './csv-split'
import type { ReadOptions, ReadResult, RowBatch, TableHandler } from './types'

// Streaming CSV: the file is read in chunks, decoded (BOM, UTF-16, Windows-874), and split into records and
// cells as papaparse splits them (csv-split.ts: quotes, embedded newlines, CRLF/LF/CR); a million-line file is
// never held as objects.

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 18
/**
 * Bytes decoded at a time: a read chunk is decoded in slices this big. Small on purpose: a decoded text must
 * stay under V8's largest regular object (128 KB; a string with Thai takes two bytes a character), or every
 * one is a large object on fresh pages the kernel has to fault in and zero. Measured on the 1,000,000-line
 * bench file (decode + split into lines, one thread, 128 MB heap, three runs): texts of 256 KB of bytes
 * 1.8-2.3 s CPU with 75,000 page faults, of 32 KB 0.24-0.31 s with under 1,000.
 */
const DECODE_BYTES = 1 << 15
/** The rows of this many bytes of the file go to the handler as one batch (what a batch costs stays the same). */
const BATCH_BYTES = 1 << 18

export const delimiterCandidates = [',', ';', '\t', '|'] as const

async function* decodedChunks(
  path: string,
  encoding: TextEncoding,
  progress: { bytes: number },
  clock?: PartClock,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding)
  const handle = await open(path, 'r')
  try {
    // 'read': from asking for the next chunk to handing its text on (waiting for the disk and decoding)
    let since = performance.now()
    for (;;) {
      // (a buffer per chunk: a decoder may keep a reference to the bytes of a character cut at its end)
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null)
      if (bytesRead === 0) break
      for (let at = 0; at < bytesRead; at += DECODE_BYTES) {
        const end = Math.min(bytesRead, at + DECODE_BYTES)
        progress.bytes += end - at
        const text = decoder.write(chunk.subarray(at, end))
        if (text) {
          clock?.add('read', performance.now() - since)
          yield text
          since = performance.now()
        }
      }
    }
    const rest = decoder.end()
    clock?.add('read', performance.now() - since)
    if (rest) yield rest
  } finally {
    await handle.close()
  }
}

/** The first bytes of a file as text, cut at the last full line: enough to guess the delimiter and preview. */
export async function readTextSample(
  path: string,
  encoding: TextEncoding,
  bytes = 256 * 1024,
): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    const decoder = createDecoder(encoding)
    const text = decoder.write(buffer.subarray(0, bytesRead))
    if (bytesRead < bytes) return text + decoder.end()
    const cut = text.lastIndexOf('\n')
    return cut > 0 ? text.slice(0, cut + 1) : text
  } finally {
    await handle.close()
  }
}

/**
 * Guesses the delimiter from a sample: the candidate that splits the first lines into the same number (> 1)
 * of fields most consistently. The user confirms it in the preview.
 */
export function detectDelimiter(sample: string): string {
  let best: string = ','
  let bestScore = -1
  for (const delimiter of delimiterCandidates) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 50 }).data.filter(
      (r) => !(r.length === 1 && r[0] === ''),
    )
    if (rows.length === 0) continue
    const counts = new Map<number, number>()
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    let mode = 0
    let modeCount = 0
    for (const [fields, n] of counts)
      if (n > modeCount || (n === modeCount && fields > mode)) [mode, modeCount] = [fields, n]
    if (mode < 2) continue
    const score = modeCount / rows.length + mode / 1000
    if (score > bestScore) [best, bestScore] = [delimiter, score]
  }
  return best
}

function isEmptyRow(row: string[]): boolean {
  for (const cell of row) if (cell !== '') return false
  return true
}

/**
 * Reads a CSV file: the header, then batches of data rows (one batch per chunk of the file), synchronously
 * handed to the handler. With a clock, its time is split into read (decodedChunks), the handler's own and
 * parse: the rest (splitting the text into cells: csv-split.ts).
 */
export async function readCsv(
  path: string,
  options: ReadOptions,
  handler: TableHandler,
  clock?: PartClock,
): Promise<ReadResult> {
  const encoding = options.encoding ?? 'utf-8'
  const progress = { bytes: 0 }
  const started = performance.now()
  const readBefore = clock?.get('read') ?? 0
  let handlerMs = 0
  const splitter = new CsvSplitter(options.delimiter ?? ',')
  let header: string[] | null = null
  let recordNo = 0 // records after the header, empty ones included, so numbers match what the user sees
  let dataRows = 0
  const chunks = decodedChunks(path, encoding, progress, clock)
  let aborted = false
  try {
    const newBatch = (): RowBatch => ({ rows: [], rowNumbers: [], malformed: [], bytesRead: 0 })
    let batch = newBatch()
    let batchFrom = 0
    for (let next = await chunks.next(); ; next = await chunks.next()) {
      const final = next.done === true
      const { rows, errors } = splitter.push(next.done ? '' : next.value, final)
      let limited = false
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as string[]
        if (header === null) {
          if (isEmptyRow(row)) continue
          header = row
          handler.header(row, { sheet: null, sheets: [] })
          continue
        }
        recordNo++
        const problem = errors.get(i)
        if (problem !== undefined) {
          batch.malformed.push({ row: recordNo, message: problem })
          continue
        }
        if (isEmptyRow(row)) continue
        batch.rows.push(row)
        batch.rowNumbers.push(recordNo)
        dataRows++
        if (options.limit !== undefined && dataRows >= options.limit) {
          limited = true
          break
        }
      }
      if (options.signal?.aborted) aborted = true
      const last = final || limited || aborted
      // (chunks are small: their rows are gathered into batches of about BATCH_BYTES)
      if (
        (batch.rows.length || batch.malformed.length) &&
        (last || progress.bytes - batchFrom >= BATCH_BYTES)
      ) {
        batch.bytesRead = progress.bytes
        batchFrom = progress.bytes
        const handed = performance.now()
        handler.batch(batch)
        handlerMs += performance.now() - handed
        batch = newBatch()
      }
      if (last) break
    }
  } finally {
    await chunks.return(undefined)
  }
  if (clock) {
    const read = clock.get('read') - readBefore
    clock.add('parse', Math.max(0, performance.now() - started - read - handlerMs))
  }
  return { rows: dataRows, bytes: progress.bytes, sheet: null, sheets: [], aborted }
}
