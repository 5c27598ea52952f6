// The import-worker thread (a named entry, src/main/jobs/entries.ts): opens its own connection to the shop
// database (the write lock lets the same process's threads open it) and runs one import as a job
// (serveJob: progress, cancel, the summary or the error). A big file is read and mapped in a parser thread
// (the import-parser entry) while this thread writes.
import { closeSync, openSync, readSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { openDatabase } from '../db'
import { serveJob } from '../jobs/worker-side'
import { workerScript } from '../jobs/workers'
import type { ImportWorkerInput } from './job'
import { importProgress } from './job'
import { PARSER_RESOURCE_LIMITS, type SpawnParser } from './parse-thread'
import { runImport } from './run'

const spawnParser: SpawnParser = (start) => {
  const { url, execArgv } = workerScript('import-parser')
  return new Worker(url, { workerData: start, execArgv, resourceLimits: PARSER_RESOURCE_LIMITS })
}

/** An XLSX is a zip archive: 'PK\x03\x04' at the start. */
function isZip(file: string): boolean {
  const head = Buffer.alloc(4)
  let fd: number | null = null
  try {
    fd = openSync(file, 'r')
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50
  } catch {
    return false // planning then says why the file cannot be read
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

serveJob(async ({ dbFile, file, options, startedAt }: ImportWorkerInput, job) => {
  const connection = openDatabase(dbFile)
  try {
    return await runImport(connection.sqlite, file, options, {
      signal: job.signal,
      onProgress: (p) => job.progress(importProgress(p)),
      spawnParser,
      now: () => new Date(startedAt),
      // a workbook is always parsed in the parser thread, under its memory cap, whatever its size
      ...(isZip(file) ? { parserMinBytes: 0 } : {}),
    })
  } finally {
    await connection.close()
  }
})
