import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/db'
import { projectRoot, type RunResult } from '../helpers/node'

// `npm start` runs scripts/prepare-electron.mjs first (prestart). Here it runs against a copy of Electron's
// package (its own install script) whose download is pointed at a closed local port, so it fails at once.

function electronCopy(): string {
  const dir = join(tempDir(), 'electron')
  mkdirSync(dir, { recursive: true })
  const real = resolve(projectRoot, 'node_modules/electron')
  for (const file of ['install.js', 'package.json', 'checksums.json'])
    copyFileSync(join(real, file), join(dir, file))
  symlinkSync(resolve(projectRoot, 'node_modules'), join(dir, 'node_modules')) // @electron/get and friends
  return dir
}

function prepare(env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(projectRoot, 'scripts/prepare-electron.mjs')],
      { cwd: projectRoot, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe('npm start preparation', () => {
  it('says in one plain sentence what is missing when the runtime cannot be downloaded', async () => {
    const dir = electronCopy()
    const result = await prepare({
      LUKKHA_ELECTRON_DIR: dir,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/', // nothing listens there: the download fails
      electron_config_cache: join(dir, 'cache'),
    })
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(2) // "Downloading ..." and the sentence
    expect(lines[1]).toMatch(
      /^Lukkha cannot start: the Electron \d+\.\d+\.\d+ runtime .* is not installed and could not be downloaded, so connect this computer to the internet and run `npm start` again/,
    )
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|ECONNREFUSED/) // no stack trace, no raw error
  })

  it('does nothing when the runtime is already there', async () => {
    const dir = electronCopy()
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    writeFileSync(join(dir, 'path.txt'), 'electron')
    const result = await prepare({ LUKKHA_ELECTRON_DIR: dir, ELECTRON_MIRROR: 'http://127.0.0.1:9/' })
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('runs before npm start and npm run dev', async () => {
    const { readFile } = await import('node:fs/promises')
    const pkg = JSON.parse(await readFile(resolve(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.prestart).toBe('node scripts/prepare-electron.mjs')
    expect(pkg.scripts.predev).toBe('node scripts/prepare-electron.mjs')
  })
})
