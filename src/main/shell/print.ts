import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow } from 'electron'
import type { ReportPrinter } from '../reports/printer'
import type { Orientation } from '../reports/styles'
import { printWindowOptions } from './window-options'

// Printing for the reports (the only place that touches printToPDF and print): each report page is loaded
// into a hidden window that runs no script, has no preload and cannot navigate, then printed and closed.
// The page goes through a private temporary file, since a large report is too long for a data: URL.

async function withReportPage<T>(html: string, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lukkha-print-'))
  const file = join(dir, 'report.html')
  writeFileSync(file, html, { mode: 0o600 })
  const win = new BrowserWindow(printWindowOptions())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  try {
    await win.loadURL(pathToFileURL(file).href)
    return await work(win)
  } finally {
    win.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function electronPrinter(): ReportPrinter {
  return {
    toPdf: (html: string, orientation: Orientation) =>
      withReportPage(html, (win) =>
        win.webContents.printToPDF({
          landscape: orientation === 'landscape',
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        }),
      ),
    print: (html: string, orientation: Orientation) =>
      withReportPage(
        html,
        (win) =>
          new Promise<boolean>((resolve) => {
            win.webContents.print(
              { printBackground: true, landscape: orientation === 'landscape' },
              (success) => resolve(success),
            )
          }),
      ),
  }
}
