import type { Orientation } from './styles'

/**
 * What turns a report page into paper or PDF. The Electron shell implements it with a hidden window
 * (webContents.printToPDF / print), the test harness with Chromium's page.pdf(); the engine never knows which.
 */
export interface ReportPrinter {
  toPdf(html: string, orientation: Orientation): Promise<Uint8Array>
  /** Shows the system print dialog; false when the user cancelled. */
  print(html: string, orientation: Orientation): Promise<boolean>
}
