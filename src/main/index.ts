import { join } from 'node:path'
import { app, dialog, Menu, protocol, type BrowserWindow } from 'electron'
import { prestartAnalysis } from './analysis/job'
import type { ApiContext } from './api/context'
import { createApiContext } from './app-context'
import { LukkhaError } from './errors'
import { registerIpc, sendEvent } from './ipc'
import { defaultDbFile } from './paths'
import { displayLanguage } from './settings'
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appEntryUrl,
  appResponse,
} from './shell/app-protocol'
import { appMenuTemplate } from './shell/menu'
import { electronPrinter } from './shell/print'
import { electronSaveFileChooser } from './shell/save-dialog'
import { createMainWindow, guardWebContents, hardenSession } from './shell/window'

// App lifecycle only: one instance, open the shop database, register the API, open the window.

let context: ApiContext | null = null
let mainWindow: BrowserWindow | null = null

const development = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL)
const rendererDir = join(import.meta.dirname, '../renderer')
/** How long after the window's page has loaded the analysis thread starts (its first screen's queries first). */
const ANALYSIS_PRESTART_DELAY_MS = 2000

/** The window's page: `entry` (the built page in the app's language) or, in development, the dev server's. */
function appUrl(entry = APP_ENTRY_URL): string {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (development && devServer) return devServer
  return entry // served from the built renderer folder by the app:// handler below
}

// Before ready: app:// is a standard, secure scheme (a real origin for the CSP's 'self').
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

async function start(): Promise<void> {
  hardenSession()
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererDir))
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ development, platform: process.platform })),
  )
  try {
    context = await createApiContext({
      dbFile: defaultDbFile(),
      appVersion: app.getVersion(),
      systemLocale: app.getLocale(),
      printer: electronPrinter(),
      now: () => new Date(), // the app runs on the machine's clock
      chooseSaveFile: electronSaveFileChooser(() => mainWindow),
      emit: (event) => {
        if (mainWindow) sendEvent(mainWindow.webContents, event)
      },
    })
  } catch (error) {
    const message = error instanceof LukkhaError || error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Lukkha', message)
    app.exit(1)
    return
  }
  const ctx = context
  // the built page of the language the app will draw in (its static frame is in that language)
  const url = appUrl(appEntryUrl(await displayLanguage(ctx.db, ctx.systemLocale)))
  registerIpc(() => ctx, url)
  mainWindow = createMainWindow(
    { preloadPath: join(import.meta.dirname, '../preload/index.cjs'), appUrl: url },
    { development },
  )
  mainWindow.on('closed', () => (mainWindow = null))
  // Then the analysis thread starts and warms up for the session's first run (prestartAnalysis); a failed
  // warm-up costs that run only its head start.
  mainWindow.webContents.once('did-finish-load', () => {
    setTimeout(() => {
      prestartAnalysis().catch((error: unknown) => console.warn('The analysis warm-up failed:', error))
    }, ANALYSIS_PRESTART_DELAY_MS)
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  // Every web contents, however it was created, gets the window's rules (no navigation away, no new
  // windows, no webviews, no developer tools in production).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl(), { development }))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void context?.close())
  void app.whenReady().then(start)
}
