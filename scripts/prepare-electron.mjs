// Runs before `npm start` and `npm run dev` (npm's prestart/predev). Electron 45's npm package no longer
// downloads its runtime at install; it does so on the first require('electron'), and electron-vite reads
// node_modules/electron/path.txt itself and stops with "Electron uninstall" and a stack trace when the
// runtime is missing. So the runtime is fetched here first, with Electron's own install script; when that
// fails (no internet), one plain sentence says what is missing and how to get it, and the exit code is 1.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** Where the electron package is; LUKKHA_ELECTRON_DIR points elsewhere (tests). */
export function electronPackageDir(env = process.env) {
  return env.LUKKHA_ELECTRON_DIR ?? join(root, 'node_modules/electron')
}

/** True when the runtime Electron's package points at (path.txt) is on disk. */
export function electronInstalled(dir = electronPackageDir()) {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')))
}

export function missingRuntimeMessage(dir = electronPackageDir()) {
  let version = ''
  try {
    version = ` ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}`
  } catch {
    // the sentence works without the version
  }
  return `Lukkha cannot start: the Electron${version} runtime (about 100 MB, downloaded once) is not installed and could not be downloaded, so connect this computer to the internet and run \`npm start\` again (or run \`node node_modules/electron/install.js\` once online).`
}

/** Fetches the runtime when it is missing. Returns the exit code for `npm start`: 0 ready, 1 not. */
export function prepareElectron(env = process.env) {
  const dir = electronPackageDir(env)
  if (electronInstalled(dir)) return 0
  process.stderr.write('Downloading the Electron runtime (once, about 100 MB)...\n')
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'], // its failure is a stack trace: the sentence below replaces it
  })
  if (result.status === 0 && electronInstalled(dir)) return 0
  process.stderr.write(`${missingRuntimeMessage(dir)}\n`)
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = prepareElectron()
}
