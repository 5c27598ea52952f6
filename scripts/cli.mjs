// `npm run --silent cli -- <command>`: runs the command line from the bundle `npm run build` writes
// (out/main/cli.js) on the project's Node, so no TypeScript is compiled at start-up. When the bundle is
// missing or older than any source it is built from, the app is built first (build output goes to stderr,
// so `--json` output on stdout stays clean).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import module from 'node:module'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** What the CLI bundle is built from: a change to any of these makes the bundle stale. */
export const CLI_SOURCES = [
  'src/main',
  'src/shared',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
]

export function cliBundlePath(projectRoot = root) {
  return join(projectRoot, 'out/main/cli.js')
}

function newestMtime(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs // a deleted file changes its folder's mtime
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

/** Why the bundle must be (re)built, or null when it is up to date. */
export function staleReason(projectRoot = root) {
  const bundle = cliBundlePath(projectRoot)
  if (!existsSync(bundle)) return 'the CLI bundle is missing'
  const built = statSync(bundle).mtimeMs
  for (const source of CLI_SOURCES) {
    if (newestMtime(join(projectRoot, source)) > built) return `${source} changed since the last build`
  }
  return null
}

function build(reason) {
  process.stderr.write(`lukkha: building the app first (${reason})...\n`)
  const bin = join(root, 'node_modules/electron-vite/bin/electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  if (result.status !== 0) {
    process.stderr.write('lukkha: the build failed (see above); fix it, or run `npm run build` to see why.\n')
    process.exit(1)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reason = staleReason()
  if (reason) build(reason)
  const bundle = cliBundlePath()
  // V8 keeps the compiled bundle on disk between runs (Node >= 22.1): less parsing at every start.
  module.enableCompileCache?.()
  process.argv[1] = bundle // the bundle runs its main() when it is the script Node was started with
  await import(pathToFileURL(bundle).href)
}
