import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// poppler-utils over a PDF the way a person checks a printout: the text on it, the fonts in it, the pages.

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
}

/** The names of the fonts embedded in the PDF, e.g. 'AAAAAA+Sarabun-Regular'. */
export function embeddedFonts(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
  // name type encoding emb sub uni object ID: emb is the fifth field from the end
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.at(-5) === 'yes')
    .map((f) => f[0] ?? '')
}

/**
 * Renders every page to a small greyscale image (PGM) and returns, per page, the share of pixels that are not
 * white: a blank page scores 0.
 */
export function inkPerPage(file: string, dir: string): number[] {
  execFileSync('pdftoppm', ['-r', '24', '-gray', file, join(dir, 'page')])
  return readdirSync(dir)
    .filter((name) => name.startsWith('page') && name.endsWith('.pgm'))
    .sort()
    .map((name) => {
      const data = readFileSync(join(dir, name))
      // P5 header: magic, width height, maxval, each followed by whitespace
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))
      if (!header) throw new Error(`${name} is not a PGM image`)
      const pixels = data.subarray(header[0].length)
      let ink = 0
      for (const value of pixels) if (value < 200) ink++
      return ink / pixels.length
    })
}

/** Thai text out of a PDF can differ from the source in spaces only; compare without them. */
export const squash = (text: string): string => text.replace(/\s+/g, '')
