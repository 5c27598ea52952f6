import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { suites } from './suites'
import type { SuiteResult } from './types'

// `npm run bench [-- --only NAME] [-- --quick]`: runs the benchmark suites on purpose (never inside tests),
// prints a table of figures against their targets and writes bench/results/latest.json.

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean', default: false } },
})

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 })
}

async function main(): Promise<void> {
  const chosen = values.only ? suites.filter((s) => values.only?.includes(s.name)) : suites
  if (chosen.length === 0) {
    console.error(
      `No benchmark suite to run. Suites: ${suites.map((s) => s.name).join(', ') || '(none yet)'}`,
    )
    process.exitCode = 1
    return
  }
  const results: SuiteResult[] = []
  for (const suite of chosen) {
    const workDir = mkdtempSync(join(tmpdir(), `lukkha-bench-${suite.name}-`))
    console.log(`\n## ${suite.name}: ${suite.description}`)
    try {
      const result = await suite.run({ quick: values.quick, workDir })
      results.push(result)
      const rows = result.figures.map((f) => [
        f.name,
        format(f.value),
        f.unit,
        f.target ?? '',
        f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
      ])
      const header = ['figure', 'value', 'unit', 'target', '']
      const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)))
      for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '))
      for (const note of result.notes ?? []) console.log(`note: ${note}`)
    } finally {
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  const outDir = resolve(import.meta.dirname, 'results')
  mkdirSync(outDir, { recursive: true })
  const out = join(outDir, 'latest.json')
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, quick: values.quick, results },
      null,
      2,
    ),
  )
  console.log(`\nwrote ${out}`)
}

await main()
