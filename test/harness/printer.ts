import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import type { ReportPrinter } from '../../src/main/reports/printer'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

// The harness's stand-in for the shell's printer (src/main/shell/print.ts): the same report page printed to
// PDF by Chromium's page.pdf(), the engine Electron's printToPDF uses. "Print" writes the PDF into a folder
// (a printer that keeps its pages), so a test can check what would have come out.

export interface HarnessPrinter extends ReportPrinter {
  /** The PDFs "printed" so far, oldest first. */
  printed: string[]
  close(): Promise<void>
}

export function chromiumPrinter(printedDir: string): HarnessPrinter {
  let browser: Promise<Browser> | null = null
  const printed: string[] = []
  const open = (): Promise<Browser> =>
    (browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }))
  const toPdf = async (html: string, orientation: 'portrait' | 'landscape'): Promise<Uint8Array> => {
    const page = await (await open()).newPage({ javaScriptEnabled: false })
    try {
      await page.setContent(html, { waitUntil: 'load' })
      return await page.pdf({
        format: 'A4',
        landscape: orientation === 'landscape',
        printBackground: true,
        preferCSSPageSize: true,
      })
    } finally {
      await page.close()
    }
  }
  return {
    printed,
    toPdf,
    async print(html, orientation) {
      const pdf = await toPdf(html, orientation)
      mkdirSync(printedDir, { recursive: true })
      const file = join(printedDir, `printed-${printed.length + 1}.pdf`)
      writeFileSync(file, pdf)
      printed.push(file)
      return true
    },
    async close() {
      if (browser) await (await browser).close()
      browser = null
    },
  }
}
