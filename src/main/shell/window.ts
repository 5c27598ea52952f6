import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl } from './security'
import { mainWindowOptions } from './window-options'

export interface WindowTarget {
  preloadPath: string
  /** The dev server URL in development, or app://lukkha/index.html in production. */
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

/**
 * The rules for any web contents: no navigation away from the app page, no new windows (allowed links go to
 * the operating system), no webviews, and in production no developer tools. index.ts applies them to every
 * web contents Electron creates (app.on('web-contents-created')), so a contents made some other way is
 * guarded too; the window factory applies them to its own window.
 */
export function guardWebContents(
  contents: WebContents,
  appUrl: string,
  options: { development: boolean },
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  if (!options.development) {
    contents.on('devtools-opened', () => contents.closeDevTools())
  }
}

/** The one window factory: every window of Lukkha is made here, with navigation and new windows denied. */
export function createMainWindow(
  target: WindowTarget,
  options: { development?: boolean } = {},
): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(target.preloadPath))
  guardWebContents(win.webContents, target.appUrl, { development: options.development ?? false })
  win.once('ready-to-show', () => win.show())

  void win.loadURL(target.appUrl)
  return win
}
