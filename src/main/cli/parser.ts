import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PARSER_RESOURCE_LIMITS, type SpawnParser } from '../import/parse-thread'

// The command line runs from source through tsx: its imports read and map rows in a
// parser thread (parser-worker.ts), loaded through tsx too.
const workerPath = fileURLToPath(new URL('../import/parser-worker.ts', import.meta.url))

export const spawnSourceParser: SpawnParser = (data) =>
  new Worker(workerPath, {
    workerData: data,
    execArgv: ['--import', 'tsx'],
    resourceLimits: PARSER_RESOURCE_LIMITS,
  })
