import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PARSER_RESOURCE_LIMITS, type SpawnParser } from '../import/parse-thread'

// The command line (and the benchmark) run from source through tsx: their imports read and map rows in a
// parser thread started from the engine's worker module, loaded through tsx too.
const workerPath = fileURLToPath(new URL('../import/worker.ts', import.meta.url))

export const spawnSourceParser: SpawnParser = (data) =>
  new Worker(workerPath, {
    workerData: data,
    execArgv: ['--import', 'tsx'],
    resourceLimits: PARSER_RESOURCE_LIMITS,
  })
