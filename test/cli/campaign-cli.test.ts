import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { createDemoShop } from '../../src/main/demo'
import { migrateToLatest, openDatabase } from '../../src/main/db'
import { tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'

// The demo shop's "at risk" segment from the command line: create (twice with the same seed: the same
// hold-out), export, then results as the JSON the issue names.

describe('cli campaign', () => {
  it('create --segment at_risk --holdout 0.1 --seed N --json, export, results --json', async () => {
    const dir = tempDir()
    const file = join(dir, 'shop.db')
    const connection = openDatabase(file)
    await migrateToLatest(connection.db)
    await createDemoShop(connection.sqlite, { seed: 7, endDate: '2026-06-30' })
    runAnalysis(connection.sqlite, {}, DEFAULT_SEGMENT_RULES)
    const atRisk = connection.sqlite
      .prepare(
        `select count(*) as n from analysis_scores where segment = 'at_risk' and run_id = (select max(id) from analysis_runs)`,
      )
      .get() as { n: number }
    await connection.close()
    expect(atRisk.n).toBeGreaterThan(20)

    const args = ['campaign', 'create', '--segment', 'at_risk', '--holdout', '0.1', '--seed', '2026']
    const first = await runCli([...args, '--db', file, '--json'])
    expect(first.stderr).toBe('')
    const created = JSON.parse(first.stdout) as Record<string, unknown>
    expect(created).toMatchObject({
      seed: 2026,
      holdout_share: 0.1,
      holdout: Math.round(atRisk.n * 0.1),
      contacted: atRisk.n - Math.round(atRisk.n * 0.1),
      window_start: '2026-07-01',
      window_end: '2026-07-30',
    })
    const second = JSON.parse((await runCli([...args, '--db', file, '--json'])).stdout) as { id: number }

    const check = openDatabase(file)
    const holdoutOf = (id: unknown) =>
      (
        check.sqlite
          .prepare(
            'select customer_id from campaign_members where campaign_id = ? and holdout = 1 order by 1',
          )
          .all(id) as { customer_id: number }[]
      ).map((r) => r.customer_id)
    expect(holdoutOf(second.id)).toEqual(holdoutOf(created.id))
    expect(holdoutOf(created.id)).toHaveLength(Math.round(atRisk.n * 0.1))
    await check.close()

    const out = join(dir, 'list.csv')
    const exported = JSON.parse(
      (await runCli(['campaign', 'export', String(created.id), '--out', out, '--db', file, '--json'])).stdout,
    ) as { rows: number }
    const lines = readFileSync(out, 'utf8').trim().split('\r\n')
    expect(lines).toHaveLength(exported.rows + 1)

    const results = await runCli(['campaign', 'results', String(created.id), '--db', file, '--json'])
    expect(results.stderr).toBe('')
    const r = JSON.parse(results.stdout) as Record<string, unknown>
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['contacted', 'holdout', 'lift', 'ci95']))
    expect(r.contacted).toMatchObject({ members: created.contacted, responders: 0 })
    expect(r.holdout).toMatchObject({ members: created.holdout, responders: 0 })
    expect(r.lift).toBe(0)
    expect(r.ci95).toEqual([0, 0])

    const missing = await runCli(['campaign', 'results', '999', '--db', file, '--json'])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('999')
  })
})
