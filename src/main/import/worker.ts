// The import off the UI thread. Started by jobs.ts as the importing thread: it opens its own connection to
// the shop database (the write lock lets the same process's threads open it), reports progress and, at the
// end, the summary or the error; the parent sends 'cancel'. The same file, started again by that thread with
// role 'parse', is the parser thread that reads and maps the rows while the importing thread writes.
import { Worker, parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db'
import { LukkhaError } from '../errors'
import type { WorkerMessage } from './jobs'
import { PARSER_RESOURCE_LIMITS, runParser, type ParserData } from './parse-thread'
import { runImport } from './run'
import type { ImportOptions } from './types'

const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread')

const data = workerData as
  ParserData | { role?: undefined; dbFile: string; file: string; options: ImportOptions }

if (data.role === 'parse') {
  await runParser(port, data)
} else {
  const { dbFile, file, options } = data
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
      // this very module, bundled or not, is the parser thread
      spawnParser: (parser) =>
        new Worker(new URL(import.meta.url), {
          workerData: parser,
          resourceLimits: PARSER_RESOURCE_LIMITS,
        }),
    })
    send({ type: 'done', summary })
  } catch (error) {
    send(
      error instanceof LukkhaError
        ? { type: 'error', code: error.code, message: error.message, details: error.details }
        : {
            type: 'error',
            code: 'internal',
            message: error instanceof Error ? error.message : String(error),
          },
    )
  } finally {
    await connection.close()
    port.close()
  }
}
