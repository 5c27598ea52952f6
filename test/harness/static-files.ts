import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
}

/** A file of the built renderer, or null when the path leaves the folder or names no file. */
export function readStatic(root: string, urlPath: string): { body: Buffer; type: string } | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const file = normalize(join(root, decoded))
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  if (!existsSync(file) || !statSync(file).isFile()) return null
  return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' }
}
