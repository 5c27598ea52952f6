import { Worker } from 'node:worker_threads'
import { PARSER_RESOURCE_LIMITS, type SpawnParser } from '../import/parse-thread'
import { workerScript } from '../jobs/workers'

// The command line's imports read and map rows in a parser thread: the import-parser entry of the bundle the
// CLI runs from (out/main, as scripts/cli.mjs runs it), or its source through tsx when the CLI itself runs
// from source (tests). (A path to the .ts source beside this module does not exist in the bundle.)
export const spawnSourceParser: SpawnParser = (data) => {
  const { url, execArgv } = workerScript('import-parser')
  return new Worker(url, { workerData: data, execArgv, resourceLimits: PARSER_RESOURCE_LIMITS })
}
