import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeResults, readResults, writeResults, type ResultsFile } from '../../bench/results'
import type { SuiteResult } from '../../bench/types'
import { tempDir } from '../helpers/db'

// bench/results/latest.json keeps every suite's latest figures: a partial run (--only) replaces only its own.

const suite = (name: string, value: number): SuiteResult => ({
  suite: name,
  figures: [{ name: `${name} figure`, value, unit: 's' }],
  notes: [`${name} note`],
})

describe('bench results file', () => {
  it('keeps the suites a partial run did not touch, and replaces those it ran', () => {
    const file = join(tempDir(), 'latest.json')
    writeResults(file, {
      at: '2026-11-30T17:00:00.000Z',
      node: 'v22.0.0',
      quick: false,
      results: [suite('rfm', 1), suite('import', 2), suite('renderer', 3)],
    })
    const merged = writeResults(file, {
      at: '2026-11-30T18:00:00.000Z',
      node: 'v22.1.0',
      quick: true,
      results: [suite('import', 20), suite('bundle', 5)],
    })
    const stored = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile
    expect(stored).toEqual(merged)
    expect(stored.at).toBe('2026-11-30T18:00:00.000Z')
    expect(stored.results.map((r) => r.suite)).toEqual(['rfm', 'import', 'renderer', 'bundle'])
    const bySuite = Object.fromEntries(stored.results.map((r) => [r.suite, r]))
    expect(bySuite.rfm).toMatchObject({ at: '2026-11-30T17:00:00.000Z', node: 'v22.0.0', quick: false })
    expect(bySuite.rfm?.figures[0]?.value).toBe(1)
    expect(bySuite.import).toMatchObject({ at: '2026-11-30T18:00:00.000Z', node: 'v22.1.0', quick: true })
    expect(bySuite.import?.figures[0]?.value).toBe(20)
    expect(bySuite.renderer?.figures[0]?.value).toBe(3)
  })

  it('reads a file written before the merge: each result takes the run stamp it was written with', () => {
    const file = join(tempDir(), 'latest.json')
    writeFileSync(
      file,
      JSON.stringify({
        at: '2026-11-29T10:00:00.000Z',
        node: 'v22.9.9',
        quick: true,
        results: [suite('rfm', 1)],
      }),
    )
    expect(readResults(file)?.results[0]).toMatchObject({
      suite: 'rfm',
      at: '2026-11-29T10:00:00.000Z',
      node: 'v22.9.9',
      quick: true,
    })
  })

  it('starts afresh from a missing or unreadable file', () => {
    const dir = tempDir()
    expect(readResults(join(dir, 'none.json'))).toBeNull()
    writeFileSync(join(dir, 'bad.json'), '{ not json')
    expect(readResults(join(dir, 'bad.json'))).toBeNull()
    const run = { at: 'now', node: 'v22', quick: false, results: [suite('clv', 1)] }
    expect(mergeResults(null, run).results.map((r) => r.suite)).toEqual(['clv'])
  })
})
