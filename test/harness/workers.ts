import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { configureAnalysisWorker } from '../../src/main/analysis/jobs'
import { configureImportWorker } from '../../src/main/import/jobs'

export const MAIN_BUILD_DIR = resolve(import.meta.dirname, '../../out/main')

/** The worker scripts electron-vite emits for the app; throws, saying to build, when they are missing. */
export function bundledWorkerPaths(mainDir = MAIN_BUILD_DIR): {
  importWorker: string
  analysisWorker: string
} {
  const chunks = resolve(mainDir, 'chunks')
  const importWorker = existsSync(chunks)
    ? readdirSync(chunks).find((name) => /^worker-[\w-]+\.js$/.test(name))
    : undefined
  const analysisWorker = resolve(mainDir, 'analysis-worker.js')
  if (importWorker === undefined || !existsSync(analysisWorker)) {
    throw new Error(
      `The main process is not built (no ${chunks}/worker-*.js or ${analysisWorker}). Run: npm run build`,
    )
  }
  return { importWorker: resolve(chunks, importWorker), analysisWorker }
}

/**
 * Runs imports and analyses in the worker threads the app bundles (out/main), as the app does: the import
 * worker electron-vite emits as chunks/worker-<hash>.js and analysis-worker.js. Without this an import would
 * run in the harness's own thread and every analysis worker would compile the sources through tsx first,
 * which under load made the e2e timing nothing like the app's. Returns the function that undoes it.
 */
export function useBundledWorkers(mainDir = MAIN_BUILD_DIR): () => void {
  const { importWorker, analysisWorker } = bundledWorkerPaths(mainDir)
  configureImportWorker({ path: importWorker })
  configureAnalysisWorker({ path: analysisWorker })
  return () => {
    configureImportWorker(null)
    configureAnalysisWorker(null)
  }
}
