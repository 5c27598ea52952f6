import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Language } from '../../shared/api/setting-words'
import { entryPages } from '../../shared/entry-pages'
import { CONTENT_SECURITY_POLICY } from './security'

// The renderer is served from app://lukkha/ instead of file://: a standard, secure scheme gives the page a
// real origin ('self' in the CSP means the app and nothing else on disk), and every request is answered by
// one handler that only reads files inside the built renderer folder. Pure functions here; index.ts
// registers the scheme and the handler with Electron.

export const APP_SCHEME = 'app'
export const APP_HOST = 'lukkha'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The app's page in `language`: its static frame, painted before the app's code runs, is in that language. */
export function appEntryUrl(language: Language): string {
  return `${APP_SCHEME}://${APP_HOST}/${entryPages[language]}`
}

/** The privileges app:// needs: standard (relative URLs, origin), secure (like https), fetch for assets. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
} as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/**
 * The file an app:// URL names inside `rootDir`, or null when the URL is not the app's (other host, another
 * scheme) or its path leaves the folder (`..`, encoded separators, absolute paths).
 */
export function resolveAppFile(rawUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const root = resolve(rootDir)
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  return file.startsWith(root + sep) ? file : null
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Answers one app:// request: the file with its type and the CSP, 404 outside the folder or when absent. */
export async function appResponse(rawUrl: string, rootDir: string): Promise<Response> {
  const file = resolveAppFile(rawUrl, rootDir)
  if (!file) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(file)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
