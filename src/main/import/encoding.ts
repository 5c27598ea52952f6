import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { open } from 'node:fs/promises'
import iconv from 'iconv-lite'
import type { TextEncoding } from '../../shared/api/import'

// Which text encoding a CSV file is in, decided on evidence from every byte. A byte-order mark decides
// (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without one shows as NULs. Otherwise the whole file is checked as
// UTF-8: valid UTF-8 is UTF-8, and so is a file of Thai UTF-8 with a few bad bytes (a damaged copy): it
// stays UTF-8, the rows with U+FFFD are reported as bad rows, and nothing is stored as mojibake. Only a file
// with no UTF-8 evidence is read in a legacy encoding, chosen by its byte pattern: Thai (Windows-874) makes
// runs of high bytes, Latin-1 / Windows-1252 isolated accented letters between ASCII, Shift-JIS lead bytes
// in 0x81-0x9F that Windows-874 does not use. Every legacy choice is a guess, and says so (preview, CLI).

export interface EncodingGuess {
  encoding: TextEncoding
  /**
   * How it was decided: a byte-order mark, UTF-16 NULs, a strict UTF-8 check of every byte, UTF-8 with a few
   * bad sequences (reported on their rows), or a guess among legacy encodings from the byte pattern.
   */
  reason: 'bom' | 'utf8' | 'utf16' | 'utf8_with_errors' | 'legacy_guess'
  /** Invalid UTF-8 sequences seen (0 unless reason is utf8_with_errors or legacy_guess). */
  badSequences: number
}

export interface FileScan extends EncodingGuess {
  size: number
  sha256: string
}

/** A decision the user should check: shown in the preview and as a warning in the CLI summary. */
export function isEncodingGuess(scan: Pick<EncodingGuess, 'reason'>): boolean {
  return scan.reason === 'utf8_with_errors' || scan.reason === 'legacy_guess'
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

/** Byte statistics over the whole file for choosing among legacy encodings (see the file comment). */
interface ByteEvidence {
  high: number
  isolatedHigh: number
  /** 0x81-0x9F bytes that Windows-874 leaves undefined (it uses only 0x80, 0x85, 0x91-0x97 there). */
  not874: number
  /** Valid UTF-8 multi-byte characters and invalid sequences. */
  utf8Chars: number
  utf8Bad: number
}

const isHigh = (b: number | undefined): boolean => b !== undefined && b >= 0x80

function countBytes(e: ByteEvidence, chunk: Uint8Array, prevByte: number): void {
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i] ?? 0
    if (b < 0x80) continue
    e.high++
    const before = i > 0 ? chunk[i - 1] : prevByte
    if (!isHigh(before) && !isHigh(chunk[i + 1])) e.isolatedHigh++
    if (b >= 0x81 && b <= 0x9f && b !== 0x85 && !(b >= 0x91 && b <= 0x97)) e.not874++
  }
}

/** Counts valid multi-byte UTF-8 characters and invalid sequences of a chunk that ends on a whole character. */
function countUtf8(e: ByteEvidence, bytes: Uint8Array): void {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i++
      continue
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0
    let ok = need > 0 && b < 0xf5
    for (let k = 1; ok && k < need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      e.utf8Chars++
      i += need
    } else {
      e.utf8Bad++
      i++
    }
  }
}

/** The evidence -> an encoding: UTF-8 when its characters far outnumber its bad sequences, else a legacy guess. */
function decide(e: ByteEvidence): Pick<EncodingGuess, 'encoding' | 'reason'> {
  if (e.utf8Bad === 0) return { encoding: 'utf-8', reason: 'utf8' }
  if (e.utf8Chars >= 20 && e.utf8Bad <= Math.max(3, e.utf8Chars / 50))
    return { encoding: 'utf-8', reason: 'utf8_with_errors' }
  if (e.not874 > 0 && e.not874 >= e.high * 0.05) return { encoding: 'shift_jis', reason: 'legacy_guess' }
  if (e.isolatedHigh > e.high * 0.6) return { encoding: 'windows-1252', reason: 'legacy_guess' }
  return { encoding: 'windows-874', reason: 'legacy_guess' }
}

/**
 * Multi-byte characters in the first `bytes` bytes of a file known to be valid UTF-8 there: each has exactly
 * one lead byte (0xC0 and up), so counting those needs no decoding and no care for chunk edges.
 */
function countLeadBytes(path: string, bytes: number): number {
  if (bytes <= 0) return 0
  const buffer = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(path, 'r')
  let count = 0
  try {
    for (let at = 0; at < bytes;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, bytes - at), at)
      if (n <= 0) break
      for (let i = 0; i < n; i++) if ((buffer[i] ?? 0) >= 0xc0) count++
      at += n
    }
  } finally {
    closeSync(fd)
  }
  return count
}

const SCAN_CHUNK_BYTES = 1 << 20

/**
 * Reads the whole file once: its SHA-256 (to recognise a file imported before), its size, and its encoding
 * with the evidence for it.
 */
export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256')
  let size = 0
  let head: Uint8Array | null = null
  let strict = true
  let carry: Uint8Array = new Uint8Array(0)
  let prevByte = 0
  /** Bytes from the start that are valid UTF-8 (checked while the file was strict). */
  let validBytes = 0
  const evidence: ByteEvidence = { high: 0, isolatedHigh: 0, not874: 0, utf8Chars: 0, utf8Bad: 0 }
  // One buffer read into again and again (a fresh 1 MB buffer per chunk, and one more joining a character cut
  // at its end to the next, cost page faults): what is kept past a chunk (its head, a cut character) is copied.
  // (the unfinished character goes first, the next chunk is read after it)
  const buffer = Buffer.allocUnsafe(SCAN_CHUNK_BYTES + 4)
  const handle = await open(path, 'r')
  try {
    for (;;) {
      const from = carry.length
      buffer.set(carry, 0)
      const { bytesRead } = await handle.read(buffer, from, SCAN_CHUNK_BYTES, null)
      if (bytesRead === 0) break
      const chunk = buffer.subarray(from, from + bytesRead)
      hash.update(chunk)
      size += chunk.length
      head ??= Uint8Array.prototype.slice.call(chunk, 0, 4096)
      const joined = buffer.subarray(0, from + bytesRead)
      const tail = incompleteTail(joined)
      const whole = joined.subarray(0, joined.length - tail)
      if (strict && !isUtf8(whole)) {
        strict = false
        // the valid bytes before this chunk were only checked (natively), not counted: their multi-byte
        // characters are UTF-8 evidence now that a bad byte has come (a second look at them, only in this case)
        evidence.utf8Chars += countLeadBytes(path, validBytes)
      }
      if (!strict) {
        countUtf8(evidence, whole)
        countBytes(evidence, chunk, prevByte)
      } else validBytes += whole.length
      prevByte = chunk[chunk.length - 1] ?? 0
      carry = Uint8Array.prototype.slice.call(joined, joined.length - tail)
    }
  } finally {
    await handle.close()
  }
  if (carry.length) {
    strict = false
    evidence.utf8Bad++
  }
  const sha256 = hash.digest('hex')
  const bom = head && encodingFromBom(head)
  if (bom) return { encoding: bom, reason: 'bom', badSequences: 0, size, sha256 }
  const utf16 = head && utf16WithoutBom(head)
  if (utf16) return { encoding: utf16, reason: 'utf16', badSequences: 0, size, sha256 }
  if (strict) return { encoding: 'utf-8', reason: 'utf8', badSequences: 0, size, sha256 }
  return { ...decide(evidence), badSequences: evidence.utf8Bad, size, sha256 }
}

export interface TextDecoding {
  write(chunk: Uint8Array): string
  end(): string
}

/** A streaming decoder: multi-byte characters split across chunks come out whole; a leading BOM is dropped. */
export function createDecoder(encoding: TextEncoding): TextDecoding {
  if (encoding === 'windows-874' || encoding === 'windows-1252' || encoding === 'shift_jis') {
    const decoder = iconv.getDecoder(encoding)
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
