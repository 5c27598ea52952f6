import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { workerEntries } from '../../src/main/jobs/entries'
import { configureWorkers } from '../../src/main/jobs/workers'

export const MAIN_BUILD_DIR = resolve(import.meta.dirname, '../../out/main')

/** The folder of the worker entries electron-vite builds (out/main/<name>.js); throws, saying to build, when one is missing. */
export function bundledWorkerDir(mainDir = MAIN_BUILD_DIR): string {
  const missing = Object.keys(workerEntries).filter((name) => !existsSync(resolve(mainDir, `${name}.js`)))
  if (missing.length > 0) {
    throw new Error(
      `The main process is not built (no ${missing.join(', ')} in ${mainDir}). Run: npm run build`,
    )
  }
  return mainDir
}

/**
 * Runs every job's worker thread from the bundle the app ships (out/main), as the app does. Without this an
 * import would run in the harness's own thread and every analysis worker would compile the sources through
 * tsx first, which under load made the e2e timing nothing like the app's. Returns the function that undoes it.
 */
export function useBundledWorkers(mainDir = MAIN_BUILD_DIR): () => void {
  configureWorkers({ bundle: bundledWorkerDir(mainDir) })
  return () => configureWorkers(null)
}
