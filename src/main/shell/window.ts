import { BrowserWindow, session, shell } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl } from './security'
import { mainWindowOptions } from './window-options'

export interface WindowTarget {
  preloadPath: string
  /** The dev server URL in development, or the built index.html as a file:// URL. */
  appUrl: string
}

/** Session-wide rules, set once: deny every permission request and send the CSP header with every response. */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

/** The one window factory: every window of Lukkha is made here, with navigation and new windows denied. */
export function createMainWindow(target: WindowTarget): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(target.preloadPath))
  const contents = win.webContents

  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, target.appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, target.appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())

  void win.loadURL(target.appUrl)
  return win
}
