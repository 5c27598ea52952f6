import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, dialog, type BrowserWindow } from 'electron'
import type { ApiContext } from './api/context'
import { createApiContext } from './app-context'
import { LukkhaError } from './errors'
import { registerIpc, sendEvent } from './ipc'
import { defaultDbFile } from './paths'
import { createMainWindow, hardenSession } from './shell/window'

// App lifecycle only: one instance, open the shop database, register the API, open the window.

let context: ApiContext | null = null
let mainWindow: BrowserWindow | null = null

function appUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (!app.isPackaged && devServer) return devServer
  return pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
}

async function start(): Promise<void> {
  hardenSession()
  const url = appUrl()
  try {
    context = await createApiContext({
      dbFile: defaultDbFile(),
      appVersion: app.getVersion(),
      systemLocale: app.getLocale(),
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
  registerIpc(() => ctx, url)
  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    appUrl: url,
  })
  mainWindow.on('closed', () => (mainWindow = null))
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
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void context?.close())
  void app.whenReady().then(start)
}
