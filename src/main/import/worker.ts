// The import off the UI thread. Started by jobs.ts as the importing thread: it opens its own connection to
// the shop database (the write lock lets the same process's threads open it), reports progress and, at the
// end, the summary or the error; the parent sends 'cancel'. A big file is read and mapped in a parser thread
// (parser-worker.ts) while this thread writes.
import { Worker, parentPort, workerData } from 'node:worker_threads'
import { bundledEntry } from '../bundled-entry'
import { openDatabase } from '../db'
import { toApiError } from '../errors'
import type { WorkerMessage } from './jobs'
import { PARSER_RESOURCE_LIMITS, type SpawnParser } from './parse-thread'
import { runImport } from './run'
import type { ImportOptions } from './types'

const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread')

/**
 * The parser thread's script: parser-worker.ts beside this file when running from source (its execArgv,
 * tsx included, passes on to the thread), or the bundle's import-parser.js (electron.vite.config.ts) beside
 * the app's main bundle, where this code sits in chunks/.
 */
function parserScript(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./parser-worker.ts', import.meta.url)
  return bundledEntry('import-parser.js', import.meta.url, "The import's parser script")
}

const spawnParser: SpawnParser = (start) =>
  new Worker(parserScript(), { workerData: start, resourceLimits: PARSER_RESOURCE_LIMITS })

const { dbFile, file, options } = workerData as { dbFile: string; file: string; options: ImportOptions }
const controller = new AbortController()
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort()
})
const send = (message: WorkerMessage): void => port.postMessage(message)
const connection = openDatabase(dbFile)
try {
  const summary = await runImport(connection.sqlite, file, options, {
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', progress }),
    spawnParser,
  })
  send({ type: 'done', summary })
} catch (error) {
  send({ type: 'error', ...toApiError(error, { file: options.fileName ?? file }) })
} finally {
  await connection.close()
  port.close()
}
