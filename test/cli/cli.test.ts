import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'

describe('cli', () => {
  it('init creates a database and stats --json prints zero counts as JSON alone on stdout', async () => {
    const file = join(tempDir(), 'x.db')
    const init = await runCli(['init', '--db', file])
    expect(init.code).toBe(0)
    const stats = await runCli(['stats', '--db', file, '--json'])
    expect(stats.code).toBe(0)
    expect(stats.stderr).toBe('')
    expect(JSON.parse(stats.stdout)).toEqual({ customers: 0, receipts: 0, lines: 0, products: 0 })
  })

  it('puts errors on stderr with a non-zero exit code', async () => {
    const file = join(tempDir(), 'missing.db')
    const stats = await runCli(['stats', '--db', file, '--json'])
    expect(stats.code).not.toBe(0)
    expect(stats.stdout).toBe('')
    expect(stats.stderr).toMatch(/There is no database at .*missing\.db/)
  })

  it('shows help', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/init/)
    expect(help.stdout).toMatch(/stats/)
  })

  it('uses the app data folder by default', async () => {
    const dir = tempDir()
    const init = await runCli(['init', '--json'], { LUKKHA_DATA_DIR: dir })
    expect(init.code).toBe(0)
    expect(JSON.parse(init.stdout)).toMatchObject({ db: join(dir, 'lukkha.db') })
  })
})
