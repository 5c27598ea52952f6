import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A worker thread's script in the app's bundle: an entry electron-vite writes to out/main (see
 * electron.vite.config.ts), looked for beside the calling module and one folder up, since the caller may sit
 * in the main bundle itself or in one of its chunks/. `callerUrl` is the caller's import.meta.url.
 */
export function bundledEntry(fileName: string, callerUrl: string, what: string): URL {
  const candidates = [new URL(`./${fileName}`, callerUrl), new URL(`../${fileName}`, callerUrl)]
  const found = candidates.find((u) => existsSync(fileURLToPath(u)))
  if (!found)
    throw new Error(`${what} is missing (looked for ${candidates.map((u) => u.pathname).join(', ')}).`)
  return found
}
