import { execFile } from 'node:child_process'
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliBundlePath, staleReason } from '../../scripts/cli.mjs'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'

function touch(path: string, secondsAgo: number): void {
  mkdirSync(resolve(path, '..'), { recursive: true })
  writeFileSync(path, '')
  const when = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(path, when, when)
}

describe('the CLI launcher (scripts/cli.mjs)', () => {
  it('rebuilds when the bundle is missing or older than a source, and not otherwise', () => {
    const root = tempDir()
    touch(join(root, 'src/main/cli/index.ts'), 100)
    touch(join(root, 'package.json'), 100)
    expect(staleReason(root)).toBe('the CLI bundle is missing')

    touch(cliBundlePath(root), 50)
    for (const dir of ['src/main/cli', 'src/main', 'src'])
      utimesSync(join(root, dir), new Date(0), new Date(0))
    expect(staleReason(root)).toBeNull()

    touch(join(root, 'src/shared/api/new.ts'), 10)
    expect(staleReason(root)).toBe('src/shared changed since the last build')
    touch(cliBundlePath(root), 0)
    expect(staleReason(root)).toBeNull()
  })

  it('runs the bundled CLI with the project’s Node, building it first when needed', async () => {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [resolve(projectRoot, 'scripts/cli.mjs'), '--help'],
        { cwd: projectRoot },
        (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
      )
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Usage: lukkha/)
    expect(staleReason(projectRoot)).toBeNull() // the bundle it ran is current
  })
})
