import { open } from 'node:fs/promises'
import { LukkhaError } from '../../errors'
import { encodingFromBom } from '../encoding'

// A file that is neither text nor a workbook (a photo, a PDF, an old .xls, random bytes) is refused before
// anything tries to read it as a CSV: taken as Windows-874 it would show as mojibake over 26 empty mappings.

const SAMPLE_BYTES = 64 * 1024
/** Text has no control bytes but tab, CR, LF (and a stray form feed or EOF mark); binary has ~11%. */
const MAX_CONTROL_SHARE = 0.01

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Word file; save it as .xlsx or .csv' },
  { bytes: [0x50, 0x4b], what: 'a zip archive that is not an Excel workbook' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
]

const refuse = (file: string, what: string): LukkhaError =>
  new LukkhaError(
    'file_not_table',
    `${file} is not a table Lukkha can read: it is ${what}. Export the sales from the POS as CSV or XLSX.`,
    undefined,
    { file },
  )

/** Refuses a would-be CSV whose first bytes are binary (see the file comment). */
export async function assertTextFile(path: string, file: string): Promise<void> {
  const handle = await open(path, 'r')
  let head: Buffer
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0)
    head = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  if (head.length === 0) return // an empty file: "no header row" says it better
  for (const m of MAGIC) if (m.bytes.every((b, i) => head[i] === b)) throw refuse(file, m.what)
  const bom = encodingFromBom(head)
  if (bom === 'utf-16le' || bom === 'utf-16be') return
  let nul = 0
  let control = 0
  for (const b of head) {
    if (b === 0) nul++
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++
    else if (b === 0x7f) control++
  }
  // UTF-16 without a BOM has NULs in every other byte: scanFile recognises it; half NULs is that, not binary
  const utf16ish = nul > head.length * 0.3 && nul < head.length * 0.6
  if (utf16ish) return
  if (nul > 0 || control > head.length * MAX_CONTROL_SHARE) throw refuse(file, 'binary data, not text')
}
