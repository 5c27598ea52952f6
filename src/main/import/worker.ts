// The import off the UI thread: a worker thread with its own connection to the shop database (the write lock
// lets the same process's threads open it). The parent sends 'cancel'; the worker reports progress and,
// at the end, the summary or the error.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db'
import { LukkhaError } from '../errors'
import { runImport } from './run'
import type { ImportOptions } from './types'
import type { WorkerMessage } from './jobs'

const { dbFile, file, options } = workerData as { dbFile: string; file: string; options: ImportOptions }
const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread')
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
  })
  send({ type: 'done', summary })
} catch (error) {
  send(
    error instanceof LukkhaError
      ? { type: 'error', code: error.code, message: error.message, details: error.details }
      : { type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) },
  )
} finally {
  await connection.close()
  port.close()
}
