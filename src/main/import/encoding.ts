import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'

// Which text encoding a CSV file is in. A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise the
// whole file is checked as strict UTF-8, and a file that is not valid UTF-8 is read as Windows-874 (TIS-620
// plus a few symbols), which is what older Thai software writes. The preview shows the decoded text so the
// user can see it is right and pick another encoding if not.

export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-874'] as const
export type TextEncoding = (typeof textEncodings)[number]

export interface EncodingGuess {
  encoding: TextEncoding
  /** How it was decided: a byte-order mark, a strict UTF-8 check of every byte, or the Thai fallback. */
  reason: 'bom' | 'utf8' | 'utf16' | 'fallback'
}

export interface FileScan extends EncodingGuess {
  size: number
  sha256: string
}

export function encodingFromBom(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return null
}

/** UTF-16 without a byte-order mark shows as a NUL in every other byte of ASCII text. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length, 4096) & ~1
  if (n < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++
    if (head[i + 1] === 0) oddNul++
  }
  const half = n / 2
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return 'utf-16le'
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return 'utf-16be'
  return null
}

/** Bytes at the end of a chunk that start a UTF-8 sequence the next chunk finishes. */
function incompleteTail(chunk: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] ?? 0
    if ((byte & 0xc0) === 0x80) continue // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return need > back ? back : 0
  }
  return 0
}

/**
 * Reads the whole file once: its SHA-256 (to recognise a file imported before), its size, and its encoding.
 */
export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256')
  let size = 0
  let head: Uint8Array | null = null
  let utf8 = true
  let carry: Uint8Array = new Uint8Array(0)
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
    head ??= chunk.subarray(0, 4096)
    if (!utf8) continue
    const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk
    const tail = incompleteTail(joined)
    if (!isUtf8(joined.subarray(0, joined.length - tail))) utf8 = false
    carry = joined.subarray(joined.length - tail)
  }
  if (carry.length) utf8 = false
  const sha256 = hash.digest('hex')
  const bom = head && encodingFromBom(head)
  if (bom) return { encoding: bom, reason: 'bom', size, sha256 }
  const utf16 = head && utf16WithoutBom(head)
  if (utf16) return { encoding: utf16, reason: 'utf16', size, sha256 }
  if (utf8) return { encoding: 'utf-8', reason: 'utf8', size, sha256 }
  return { encoding: 'windows-874', reason: 'fallback', size, sha256 }
}

export interface TextDecoding {
  write(chunk: Uint8Array): string
  end(): string
}

/** A streaming decoder: multi-byte characters split across chunks come out whole; a leading BOM is dropped. */
export function createDecoder(encoding: TextEncoding): TextDecoding {
  if (encoding === 'windows-874') {
    const decoder = iconv.getDecoder('windows-874')
    const asBuffer = (chunk: Uint8Array): Buffer =>
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    return { write: (chunk) => decoder.write(asBuffer(chunk)), end: () => decoder.end() ?? '' }
  }
  const decoder = new TextDecoder(encoding) // replaces bad bytes with U+FFFD; the preview makes them visible
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  }
}
