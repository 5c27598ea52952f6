// `npm run icons`: draws resources/icon.svg with the Chromium the e2e tests use and writes the icon files
// electron-builder packs: icon.png (1024 px, Linux and the window icon), icons/<size>x<size>.png (Linux),
// icon.ico (Windows: 16-256 px, PNG entries) and icon.icns (macOS: 16-1024 px, PNG entries). ICO and ICNS are
// written here directly (both are a small header around PNG images), so no image tool has to be installed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { chromium } from 'playwright-core'

const resources = resolve(import.meta.dirname, '../resources')

/** Renders the SVG at `size` pixels square to PNG bytes (transparent background). */
async function renderAll(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const out = new Map()
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size } })
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body></html>`,
      )
      await page.waitForFunction("document.images[0]?.complete")
      out.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
      await page.close()
    }
    return out
  } finally {
    await browser.close()
  }
}

/** A Windows .ico holding PNG images (supported since Windows Vista). */
export function icoFile(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, entry) // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...pngs.map((p) => p.png)])
}

/** ICNS element types that hold PNG data, by pixel size. */
export const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
}

/** A macOS .icns holding PNG images. */
export function icnsFile(pngs) {
  const elements = pngs.map(({ size, png }) => {
    const head = Buffer.alloc(8)
    head.write(ICNS_TYPES[size], 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(elements)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
  const png = await renderAll(svg, sizes)
  const get = (size) => ({ size, png: png.get(size) })
  writeFileSync(join(resources, 'icon.png'), png.get(1024))
  mkdirSync(join(resources, 'icons'), { recursive: true })
  for (const size of [16, 32, 48, 64, 128, 256, 512])
    writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png.get(size))
  writeFileSync(join(resources, 'icon.ico'), icoFile([16, 24, 32, 48, 64, 128, 256].map(get)))
  writeFileSync(join(resources, 'icon.icns'), icnsFile([16, 32, 64, 128, 256, 512, 1024].map(get)))
  process.stdout.write(`wrote icon.png, icons/, icon.ico, icon.icns in ${resources}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main()
