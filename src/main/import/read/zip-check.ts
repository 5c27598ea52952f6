import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { crc32, createInflateRaw } from 'node:zlib'
import { LukkhaError } from '../../errors'

// An XLSX is a zip archive. Before exceljs parses one, every entry is checked here: the central directory
// must be whole, the entries few enough, each entry inflated (streamed, never held) to exactly its declared
// size and CRC-32, the total and each entry's compression ratio within bounds. So a bit-flipped or cut
// workbook is a coded file_damaged error (not a parser that hangs or exits silently), and a zip bomb stops
// after at most MAX_ENTRY_INFLATE bytes (well under a second) instead of filling the memory.

export const ZIP_LIMITS = {
  /** Entries in the archive: an Excel workbook has tens; thousands is not a sales export. */
  maxEntries: 5000,
  /** Bytes all entries inflate to together. A 1-million-line sheet is about 300 MB of XML. */
  maxTotalBytes: 1536 * 1024 * 1024,
  /** Above this size an entry must not inflate more than maxRatio times its compressed size. */
  ratioFloorBytes: 64 * 1024 * 1024,
  maxRatio: 200,
}

interface Entry {
  name: string
  method: number
  crc: number
  compressed: number
  size: number
  localOffset: number
}

const damaged = (file: string, why: string): LukkhaError =>
  new LukkhaError(
    'file_damaged',
    `${file} is a damaged workbook (${why}); Lukkha cannot read it. Save it again from Excel or the POS and retry. Nothing was stored.`,
    undefined,
    { file },
  )

const tooBig = (file: string, limit: string): LukkhaError =>
  new LukkhaError(
    'file_too_big',
    `${file} unpacks to more than ${limit}: too large to read safely (or a zip bomb). Nothing was stored.`,
    undefined,
    { file, limit },
  )

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function centralDirectory(path: string, size: number, file: string): Promise<Entry[]> {
  const tailLength = Math.min(size, 22 + 65535)
  const tail = await readAt(path, size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw damaged(file, 'no zip directory at its end: the file is cut off')
  const count = tail.readUInt16LE(eocd + 10)
  const cdSize = tail.readUInt32LE(eocd + 12)
  const cdOffset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) return [] // zip64: left to the parser's own caps
  if (count > ZIP_LIMITS.maxEntries) throw tooBig(file, `${ZIP_LIMITS.maxEntries} entries`)
  if (cdOffset + cdSize > size) throw damaged(file, 'its zip directory points past the end of the file')
  const cd = await readAt(path, cdOffset, cdSize)
  const entries: Entry[] = []
  let at = 0
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50)
      throw damaged(file, 'its zip directory is broken')
    const nameLength = cd.readUInt16LE(at + 28)
    const entry: Entry = {
      method: cd.readUInt16LE(at + 10),
      crc: cd.readUInt32LE(at + 16),
      compressed: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      name: cd.toString('utf8', at + 46, at + 46 + nameLength),
    }
    entries.push(entry)
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32)
  }
  return entries
}

/** The most an entry may inflate to: its packed size times maxRatio, but never less than ratioFloorBytes. */
function ratioLimit(entry: Entry): number {
  return Math.max(ZIP_LIMITS.ratioFloorBytes, entry.compressed * ZIP_LIMITS.maxRatio)
}

/** Inflates one entry as a stream, counting its bytes and CRC-32, stopping as soon as a limit is passed. */
async function checkEntry(path: string, entry: Entry, file: string, budget: { left: number }): Promise<void> {
  const local = await readAt(path, entry.localOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
    throw damaged(file, `entry ${entry.name} is not where the directory says`)
  const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  if (entry.compressed === 0) {
    if (entry.size !== 0) throw damaged(file, `entry ${entry.name} is empty`)
    return
  }
  const source = createReadStream(path, { start: dataStart, end: dataStart + entry.compressed - 1 })
  const ratioCap = ratioLimit(entry)
  let crc = 0
  let size = 0
  await new Promise<void>((resolve, reject) => {
    const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : entry.method === 0 ? source : null
    if (!stream) {
      source.destroy()
      reject(damaged(file, `entry ${entry.name} uses compression method ${entry.method}`))
      return
    }
    const fail = (error: Error): void => {
      source.destroy()
      stream.destroy()
      reject(error)
    }
    source.on('error', fail)
    stream.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc)
      size += chunk.length
      budget.left -= chunk.length
      if (budget.left < 0) fail(tooBig(file, mb(ZIP_LIMITS.maxTotalBytes)))
      else if (size > ratioCap) fail(tooBig(file, `${ZIP_LIMITS.maxRatio} times its packed size`))
      else if (size > entry.size) fail(damaged(file, `entry ${entry.name} is longer than declared`))
    })
    stream.on('error', (error: Error) => fail(damaged(file, error.message)))
    stream.on('end', () => resolve())
  })
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0)
    throw damaged(file, `entry ${entry.name} fails its checksum`)
}

/**
 * Checks an XLSX file before it is parsed (see the file comment). Throws file_damaged, file_too_big, or
 * file_not_table for a zip that is no workbook.
 */
export async function checkWorkbookZip(path: string, size: number, file: string): Promise<void> {
  const entries = await centralDirectory(path, size, file)
  if (entries.length === 0) return
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new LukkhaError(
      'file_not_table',
      `${file} is a zip archive but not an Excel workbook (it has no xl/workbook.xml).`,
      undefined,
      { file },
    )
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0)
  for (const e of entries)
    if (e.size > ratioLimit(e)) throw tooBig(file, `${ZIP_LIMITS.maxRatio} times its packed size`)
  if (declared > ZIP_LIMITS.maxTotalBytes) throw tooBig(file, mb(ZIP_LIMITS.maxTotalBytes))
  const budget = { left: ZIP_LIMITS.maxTotalBytes }
  for (const entry of entries) await checkEntry(path, entry, file, budget)
}
