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

describe('cli demo', () => {
  it('fills an empty database with the demo shop, prints snake_case JSON, and refuses a second time', async () => {
    const file = join(tempDir(), 'demo.db')
    const demo = await runCli(['demo', '--db', file, '--seed', '7', '--end', '2026-06-30', '--json'])
    expect(demo.stderr).toBe('')
    expect(demo.code).toBe(0)
    const summary = JSON.parse(demo.stdout) as Record<string, number | string>
    expect(summary).toMatchObject({ seed: 7, start_date: '2025-01-01', end_date: '2026-06-30' })
    const stats = JSON.parse((await runCli(['stats', '--db', file, '--json'])).stdout) as Record<
      string,
      number
    >
    expect(stats).toEqual({
      customers: summary.customers,
      receipts: summary.receipts,
      lines: summary.lines,
      products: summary.products,
    })
    const again = await runCli(['demo', '--db', file, '--json'])
    expect(again.code).not.toBe(0)
    expect(again.stdout).toBe('')
    expect(again.stderr).toMatch(/only be loaded into an empty database/)
  })

  it('rejects a bad seed or end date', async () => {
    const file = join(tempDir(), 'demo.db')
    expect((await runCli(['demo', '--db', file, '--seed', 'abc'])).stderr).toMatch(
      /--seed must be a whole number/,
    )
    expect((await runCli(['demo', '--db', file, '--end', '2026-02-30'])).stderr).toMatch(
      /--end must be a date/,
    )
  })
})
