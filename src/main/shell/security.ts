// Security policy of the app window, as plain data and pure functions so it is unit-tested without Electron.

/** The Content-Security-Policy of the renderer. index.html carries the same string (a test checks it). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine writes its CSS variables into <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/** Links the app may hand to the operating system (mail, phone, LINE chats). Nothing else leaves the app. */
const EXTERNAL_PROTOCOLS = new Set(['mailto:', 'tel:'])
const EXTERNAL_HTTPS_HOSTS = new Set(['line.me'])

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (EXTERNAL_PROTOCOLS.has(url.protocol)) return true
  return (
    url.protocol === 'https:' &&
    EXTERNAL_HTTPS_HOSTS.has(url.hostname) &&
    url.username === '' &&
    url.port === ''
  )
}

/**
 * Whether an IPC message or a navigation comes from the app's own page: same origin as the URL the window
 * loaded (app://lukkha in production, the dev server in development; a file:// page must be the same file).
 */
export function isAppUrl(raw: string, appUrl: string): boolean {
  let url: URL
  let app: URL
  try {
    url = new URL(raw)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (url.protocol !== app.protocol) return false
  if (url.protocol === 'file:') return url.pathname === app.pathname
  if (url.protocol === 'app:') return url.host === app.host && url.username === '' && url.port === '' // origin is 'null' for custom schemes
  return url.origin === app.origin
}
