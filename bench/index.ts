import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { writeResults } from './results'
import { suites } from './suites'
import type { SuiteResult } from './types'

// `npm run bench [-- options]`: builds the app, runs the benchmark suites on purpose (never inside tests),
// prints a table of figures against their targets and merges them into bench/results/latest.json (the suites
// that ran replace their earlier results; the others stay).

const USAGE = `Usage: npm run bench [-- options]

Builds the app (electron-vite build), runs the benchmark suites, prints each figure against its target and
merges them into bench/results/latest.json (the suites run replace their own earlier results; the others
stay, each with the time it ran).

Options:
  --only NAME   run only this suite (repeat for several): ${suites.map((s) => s.name).join(', ')}
  --quick       smaller data and fewer repetitions (a smoke run; figures are not comparable to targets)
  --customers N the rfm suite's shop size (default 100000, 10000 with --quick): its growth with customers
  --no-build    use the existing build in out/ instead of building first
  -h, --help    show this text
`

function parseOptions(): { only?: string[]; quick: boolean; build: boolean; customers?: number } {
  try {
    const { values } = parseArgs({
      options: {
        only: { type: 'string', multiple: true },
        quick: { type: 'boolean', default: false },
        customers: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.help) {
      process.stdout.write(USAGE)
      process.exit(0)
    }
    const unknown = (values.only ?? []).filter((name) => !suites.some((s) => s.name === name))
    if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}`)
    const customers = values.customers === undefined ? undefined : Number(values.customers)
    if (customers !== undefined && !(Number.isInteger(customers) && customers >= 100))
      throw new Error(`--customers must be a whole number of at least 100, not ${values.customers}`)
    return {
      ...(values.only ? { only: values.only } : {}),
      quick: values.quick,
      build: !values['no-build'],
      ...(customers === undefined ? {} : { customers }),
    }
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    process.exit(2)
  }
}

const values = parseOptions()

function build(): void {
  const bin = resolve(import.meta.dirname, '../node_modules/electron-vite/bin/electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build'], { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stderr.write('bench: the build failed; see above.\n')
    process.exit(1)
  }
}

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 })
}

async function main(): Promise<void> {
  if (values.build) build()
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
      const result = await suite.run({
        quick: values.quick,
        workDir,
        ...(values.customers === undefined ? {} : { customers: values.customers }),
      })
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
  const out = resolve(import.meta.dirname, 'results/latest.json')
  const merged = writeResults(out, {
    at: new Date().toISOString(),
    node: process.version,
    quick: values.quick,
    results,
  })
  console.log(
    `\nwrote ${results.map((r) => r.suite).join(', ')} into ${out} (it holds ${merged.results.map((r) => r.suite).join(', ')})`,
  )
}

await main()
