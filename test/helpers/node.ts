import { execFile } from 'node:child_process'
import { resolve } from 'node:path'

export const projectRoot = resolve(import.meta.dirname, '../..')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a TypeScript file of the project in a separate Node process (through tsx), as a user's shell would. */
export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve(projectRoot, script), ...args],
      { cwd: projectRoot, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        done({ code, stdout, stderr })
      },
    )
  })
}

export const runCli = (args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult> =>
  runTs('src/main/cli/index.ts', args, env)
