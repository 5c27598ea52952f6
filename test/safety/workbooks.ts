import { crc32, deflateRawSync } from 'node:zlib'

/**
 * A zip archive of `entries` (deflated), shaped like a workbook when the names say so: the raw bytes of a
 * zip bomb (a sheet of zeros that inflates far beyond its packed size) or of any hand-made workbook.
 */
export function zipOf(entries: [string, Buffer][]): Buffer {
  const local: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 })
    const n = Buffer.from(name)
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(20, 4)
    head.writeUInt16LE(8, 8)
    head.writeUInt32LE(crc32(data), 14)
    head.writeUInt32LE(packed.length, 18)
    head.writeUInt32LE(data.length, 22)
    head.writeUInt16LE(n.length, 26)
    local.push(head, n, packed)
    const cd = Buffer.alloc(46)
    cd.writeUInt32LE(0x02014b50, 0)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt32LE(crc32(data), 16)
    cd.writeUInt32LE(packed.length, 20)
    cd.writeUInt32LE(data.length, 24)
    cd.writeUInt16LE(n.length, 28)
    cd.writeUInt32LE(offset, 42)
    central.push(cd, n)
    offset += 30 + n.length + packed.length
  }
  const cdBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cdBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...local, cdBytes, end])
}

/** A workbook-shaped zip whose sheet inflates to 100 MB of zeros from about 100 KB. */
export function zipBomb(): Buffer {
  return zipOf([
    ['[Content_Types].xml', Buffer.from('<Types/>')],
    ['xl/workbook.xml', Buffer.from('<workbook/>')],
    ['xl/worksheets/sheet1.xml', Buffer.alloc(100 * 1024 * 1024)],
  ])
}

/** The same bomb with the sheet's declared size a lie (1,000 bytes): caught only while inflating. */
export function lyingZipBomb(): Buffer {
  const bytes = zipBomb()
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const sheetCd = bytes.lastIndexOf(name) - 46 // its central directory record, near the end
  bytes.writeUInt32LE(1000, sheetCd + 24)
  return bytes
}

/** `good` with one bit flipped at `offset`. */
export function bitFlipped(good: Buffer, offset: number): Buffer {
  const bad = Buffer.from(good)
  bad[offset] = (bad[offset] ?? 0) ^ 0x10
  return bad
}
