import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../helpers/node'

// Installers cannot be built here (electron-builder downloads Electron and its tools), so the packaging
// config is checked against electron-builder's own schema, with its own validator.
const require = createRequire(import.meta.url)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

interface PackageJson {
  main: string
  build: Record<string, unknown> & { files: string[]; asarUnpack: string[] }
}
const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as PackageJson

describe('electron-builder configuration', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(pkg.build, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is checked for real: a misspelt option is rejected', async () => {
    await expect(
      validateConfiguration({ ...pkg.build, nsis: { oneClik: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/does not match the API schema/)
  })

  it('packages the built app and unpacks the native SQLite driver from the asar', () => {
    expect(pkg.main).toBe('./out/main/index.js')
    expect(pkg.build.files).toContain('out/**')
    expect(pkg.build.asarUnpack).toContain('node_modules/better-sqlite3/**')
  })
})
