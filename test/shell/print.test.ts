import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronPrinter } from '../../src/main/shell/print'

// The shell's report printer against a recording fake of BrowserWindow (the Electron binary cannot run here):
// the window it opens runs no script and has no preload, gets the report from a private temporary file,
// and is destroyed (and the file removed) whatever happens.
const fake = vi.hoisted(() => {
  const state = {
    options: [] as unknown[],
    loaded: [] as { url: string; html: string; mode: number }[],
    destroyed: 0,
    pdfOptions: undefined as unknown,
    failPdf: false,
    openHandler: undefined as undefined | (() => { action: string }),
    navigateListener: undefined as undefined | ((event: { preventDefault: () => void }) => void),
  }
  return { state }
})

vi.mock('electron', async () => {
  const { readFileSync: read, statSync } = await import('node:fs')
  const { fileURLToPath: toPath } = await import('node:url')
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: () => { action: string }) => (fake.state.openHandler = h),
      on: (_name: string, l: (event: { preventDefault: () => void }) => void) =>
        (fake.state.navigateListener = l),
      printToPDF: (options: unknown) => {
        fake.state.pdfOptions = options
        return fake.state.failPdf
          ? Promise.reject(new Error('printer on fire'))
          : Promise.resolve(Buffer.from('%PDF-1.7'))
      },
      print: (_options: unknown, done: (success: boolean) => void) => done(true),
    }
    constructor(options: unknown) {
      fake.state.options.push(options)
    }
    loadURL(url: string): Promise<void> {
      const path = toPath(url)
      fake.state.loaded.push({ url, html: read(path, 'utf8'), mode: statSync(path).mode & 0o777 })
      return Promise.resolve()
    }
    destroy(): void {
      fake.state.destroyed++
    }
  }
  return { BrowserWindow }
})

describe('report printing in the shell', () => {
  beforeEach(() => {
    fake.state.options = []
    fake.state.loaded = []
    fake.state.destroyed = 0
    fake.state.failPdf = false
  })

  it('prints a report to PDF from a hidden window without script, then removes the window and the file', async () => {
    const pdf = await electronPrinter().toPdf('<!doctype html><p>รายงาน</p>', 'landscape')
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7')
    expect(fake.state.options).toEqual([
      expect.objectContaining({
        show: false,
        webPreferences: expect.objectContaining({
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
        }),
      }),
    ])
    expect(JSON.stringify(fake.state.options[0])).not.toContain('preload')
    expect(fake.state.pdfOptions).toMatchObject({
      landscape: true,
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    })
    const [loaded] = fake.state.loaded
    expect(loaded?.html).toBe('<!doctype html><p>รายงาน</p>')
    expect(loaded?.mode).toBe(0o600)
    expect(existsSync(fileURLToPath(loaded?.url ?? 'file:///nowhere'))).toBe(false)
    expect(fake.state.destroyed).toBe(1)
    expect(fake.state.openHandler?.()).toEqual({ action: 'deny' })
    let prevented = false
    fake.state.navigateListener?.({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('closes the window and removes the file when printing fails', async () => {
    fake.state.failPdf = true
    await expect(electronPrinter().toPdf('<p>x</p>', 'portrait')).rejects.toThrow('printer on fire')
    expect(fake.state.destroyed).toBe(1)
    expect(existsSync(fileURLToPath(fake.state.loaded[0]?.url ?? 'file:///nowhere'))).toBe(false)
  })

  it('opens the print dialog and reports whether the user printed', async () => {
    expect(await electronPrinter().print('<p>x</p>', 'portrait')).toBe(true)
    expect(fake.state.destroyed).toBe(1)
  })
})
