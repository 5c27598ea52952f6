import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
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
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  build: Record<string, unknown> & {
    files: string[]
    asarUnpack: string[]
    electronFuses: Record<string, boolean>
    win: { target: string[]; icon: string }
    linux: { target: string[]; icon: string }
    mac: { target: string[]; icon: string }
    nsis: { installerIcon: string }
  }
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

  it('sets every security fuse: no run-as-node, no NODE_OPTIONS, no --inspect, app only from a verified asar', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false, // the renderer is served from app://, not file://
    })
    expect(pkg.build.asar).toBe(true)
  })

  it('is checked for real: a misspelt fuse is rejected', async () => {
    await expect(
      validateConfiguration(
        { ...pkg.build, electronFuses: { ...pkg.build.electronFuses, runAsNod: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/does not match the API schema/)
  })

  it('builds NSIS for Windows, AppImage and deb for Linux, dmg for macOS', () => {
    expect(pkg.build.win.target).toEqual(['nsis'])
    expect(pkg.build.linux.target).toEqual(['AppImage', 'deb'])
    expect(pkg.build.mac.target).toEqual(['dmg'])
  })

  it('has every icon file it names, in the right format', () => {
    const read = (file: string): Buffer => readFileSync(resolve(projectRoot, file))
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)]

    // Windows: an ICO whose entries are PNGs, up to 256 px
    const ico = read(pkg.build.win.icon)
    expect(pkg.build.nsis.installerIcon).toBe(pkg.build.win.icon)
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const icoSizes: number[] = []
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i
      const length = ico.readUInt32LE(entry + 8)
      const offset = ico.readUInt32LE(entry + 12)
      const png = ico.subarray(offset, offset + length)
      expect(png.subarray(0, 8).equals(PNG)).toBe(true)
      const [w, h] = pngSize(png)
      expect(w).toBe(h)
      expect(ico.readUInt8(entry)).toBe(w === 256 ? 0 : w)
      icoSizes.push(w)
    }
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))

    // macOS: an ICNS with PNG elements up to 1024 px, lengths adding up
    const icns = read(pkg.build.mac.icon)
    expect(icns.toString('ascii', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4))
      expect(icns.subarray(at + 8, at + 16).equals(PNG)).toBe(true)
    }
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))

    // Linux: a folder of square PNGs named by size, and the 1024 px PNG
    const linuxDir = resolve(projectRoot, pkg.build.linux.icon)
    const names = readdirSync(linuxDir)
    expect(names).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '256x256.png', '512x512.png']))
    for (const name of names) {
      const size = Number(name.split('x')[0])
      expect(pngSize(read(`${pkg.build.linux.icon}/${name}`))).toEqual([size, size])
    }
    expect(pngSize(read('resources/icon.png'))).toEqual([1024, 1024])
    expect(read('resources/icon.svg').toString('utf8')).toMatch(/^<svg /)
  })

  it('packs only what the bundle does not hold: the native SQLite driver and lazily loaded exceljs', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['better-sqlite3', 'exceljs'])
    for (const lib of [
      'react',
      'react-dom',
      '@mantine/core',
      'chart.js',
      'i18next',
      'react-router',
      'zod',
      'kysely',
    ]) {
      expect(pkg.devDependencies[lib], lib).toBeDefined()
    }
  })
})
