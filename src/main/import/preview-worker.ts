// The import-preview worker (a named entry, src/main/jobs/entries.ts): previews one workbook on its own
// read-only connection (saved mappings, earlier imports of the same file), off the main thread, under the
// bounds preview-thread.ts starts it with.
import { openDatabase } from '../db'
import { serveJob } from '../jobs/worker-side'
import { previewHere } from './preview'
import type { PreviewWorkerInput } from './preview-thread'

serveJob(async ({ dbFile, path, options }: PreviewWorkerInput) => {
  const connection = openDatabase(dbFile, { readonly: true })
  try {
    return await previewHere(connection.sqlite, path, options)
  } finally {
    await connection.close()
  }
})
