import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ImportPart, ImportParts } from '../../src/main/import/parts'
import { generateExport } from '../generate-export'
import { duckReadCsv } from '../peers/duckdb'
import { loadText } from '../peers/stats'
import { atMost, type Figure, type Suite } from '../types'

// Issue 4: import 1,000,000 lines of a Loyverse "receipts by item" export (seeded, the most common Thai POS)
// into a fresh database, in a child process of its own (so peak RSS is the import's) that runs the import worker
// the app ships (npm run bench builds it first), next to the sqlite3 CLI's `.import` of the same file into one
// raw table: the floor of what loading that file can cost.

const projectRoot = resolve(import.meta.dirname, '../..')
const SEED = 20261125

interface ChildRun {
  elapsedMs: number
  cpuMs: number
  linesAdded: number
  duplicatesSkipped: number
  rowsRead: number
  receiptsAdded: number
  maxRssKb: number
  /** Wall ms of each phase the import reports (start, checking, reading, finishing). */
  phases: Record<string, number>
  /** Wall ms per part, timed inside the import (src/main/import/parts.ts). */
  parts: ImportParts
}

/** The import's own parts (src/main/import/parts.ts), grouped by the thread they run in. */
const PART_FIGURES: [ImportPart, string][] = [
  ['check', 'check (plan: whole-file encoding + SHA-256 scan, layout, dates)'],
  ['read', 'parser thread: read (file bytes, decode to text)'],
  ['parse', 'parser thread: parse (CSV split: csv-split.ts)'],
  ['map', 'parser thread: map (cells -> sale lines, checks)'],
  ['pack', 'parser thread: pack + post to the writer'],
  ['waitWriter', 'parser thread: waiting for the writer'],
  ['unpack', 'import thread: unpack'],
  ['match', 'import thread: match (receipts, customers, products)'],
  ['write', 'import thread: write (receipt + line INSERTs)'],
  ['waitParser', 'import thread: waiting for the parser'],
  ['cpuParser', 'parser thread: CPU time (reading phase)'],
  ['cpuImport', 'import thread: CPU time (reading phase)'],
  ['flush', 'finish: last rows + totals'],
  ['fill', "finish: new customers' search index + totals rows"],
  ['index', 'finish: index rebuild'],
  ['days', 'finish: dashboard days update'],
  ['totals', "finish: customers' totals"],
  ['commit', 'finish: commit'],
]

/** Wall seconds to read the file's bytes once (the floor of the "read" part), in chunks as the parser does. */
function readFloor(file: string): number {
  const start = performance.now()
  const fd = openSync(file, 'r')
  const buffer = Buffer.allocUnsafe(1 << 20)
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd)
  }
  return (performance.now() - start) / 1000
}

function runChild(db: string, file: string): ChildRun {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'bench/import-child.ts'), db, file],
    { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildRun
}

function sqlite3Import(db: string, file: string): { seconds: number; rows: number } {
  const started = performance.now()
  const result = spawnSync('sqlite3', [db, `.import --csv ${file} raw`], { encoding: 'utf8' })
  const seconds = (performance.now() - started) / 1000
  if (result.error || result.status !== 0) {
    throw new Error(
      `sqlite3 .import failed (is the sqlite3 CLI installed?): ${result.error?.message ?? result.stderr}`,
    )
  }
  const rows = Number(execFileSync('sqlite3', [db, 'select count(*) from raw'], { encoding: 'utf8' }).trim())
  return { seconds, rows }
}

/** Runs on a machine shared with others vary by a third from one to the next: the median of a few is stable. */
const RUNS = 3

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export const importSuite: Suite = {
  name: 'import',
  description: `import a 1,000,000-line Loyverse export; sqlite3 .import and DuckDB read_csv of the same file beside it (median of ${RUNS} runs each, interleaved)`,
  async run({ quick, workDir }) {
    const loadBefore = loadText()
    const lines = quick ? 100_000 : 1_000_000
    const runs = quick ? 1 : RUNS
    const file = join(workDir, 'receipts-by-item.csv')
    const generated = generateExport({ layout: 'loyverse_receipts', lines, seed: SEED, out: file })
    // Interleaved, so the floor and the import see the same load; each into a fresh database.
    const floors: { seconds: number; rows: number }[] = []
    const ducks: { seconds: number; rows: number }[] = []
    const imports: ChildRun[] = []
    for (let i = 0; i < runs; i++) {
      floors.push(sqlite3Import(join(workDir, `floor-${i}.db`), file))
      ducks.push(await duckReadCsv(file))
      imports.push(runChild(join(workDir, `shop-${i}.db`), file))
    }
    const duckSeconds = median(ducks.map((d) => d.seconds))
    const again = runChild(join(workDir, `shop-${runs - 1}.db`), file) // the same file again: adds nothing
    const first = imports[0] as ChildRun
    const floor = floors[0] as { seconds: number; rows: number }
    const seconds = median(imports.map((r) => r.elapsedMs / 1000))
    const floorSeconds = median(floors.map((f) => f.seconds))
    const linesPerSecond = Math.round(first.rowsRead / seconds)
    const ratio = seconds / floorSeconds
    const rssMb = Math.round(Math.max(...imports.map((r) => r.maxRssKb)) / 1024)
    const part = (name: string): number =>
      Number((median(imports.map((r) => r.phases[name] ?? 0)) / 1000).toFixed(2))
    const readSeconds = readFloor(file)
    const timed = (name: ImportPart): number =>
      Number((median(imports.map((r) => r.parts[name] ?? 0)) / 1000).toFixed(2))
    const figures: Figure[] = [
      // (no target of its own: issue 4's >= 300,000 lines/s is the sqlite3 CLI's raw .import of the file into
      // one bare table on these machines, 3.2-3.3 s; issue 17 restated it as the ratio to sqlite3 below)
      { name: 'import lines/s', value: linesPerSecond, unit: 'lines/s' },
      { name: 'import wall time', value: Number(seconds.toFixed(2)), unit: 's' },
      {
        name: 'import CPU time',
        value: Number((median(imports.map((r) => r.cpuMs)) / 1000).toFixed(2)),
        unit: 's',
      },
      { name: 'sqlite3 .import wall time', value: Number(floorSeconds.toFixed(2)), unit: 's' },
      { name: 'DuckDB read_csv wall time', value: Number(duckSeconds.toFixed(2)), unit: 's' },
      { name: 'import / DuckDB time', value: Number((seconds / duckSeconds).toFixed(2)), unit: 'x' },
      {
        name: 'import / sqlite3 time',
        value: Number(ratio.toFixed(2)),
        unit: 'x',
        ...atMost(Number(ratio.toFixed(2)), 2.5),
      },
      { name: 'import peak RSS (worst run)', value: rssMb, unit: 'MB', ...atMost(rssMb, 400) },
      { name: '  phase: start (worker, database open)', value: part('start'), unit: 's' },
      { name: '  phase: check', value: part('checking'), unit: 's' },
      { name: '  phase: reading (two threads, pipelined)', value: part('reading'), unit: 's' },
      { name: '  phase: finishing (flush, index, commit)', value: part('finishing'), unit: 's' },
      ...PART_FIGURES.map(([key, label]) => ({ name: `    ${label}`, value: timed(key), unit: 's' })),
      { name: '  read floor (the bytes alone, one pass)', value: Number(readSeconds.toFixed(2)), unit: 's' },
      {
        name: 're-import (adds 0) lines/s',
        value: Math.round(again.rowsRead / (again.elapsedMs / 1000)),
        unit: 'lines/s',
      },
    ]
    return {
      suite: 'import',
      figures,
      notes: [
        `file: ${lines.toLocaleString('en-US')} lines, ${generated.receipts.toLocaleString('en-US')} receipts, ${(statSync(file).size / 1048576).toFixed(0)} MB (seed ${SEED})`,
        `stored ${first.receiptsAdded.toLocaleString('en-US')} receipts and ${first.linesAdded.toLocaleString('en-US')} lines (cancelled receipts left out); sqlite3 loaded ${floor.rows.toLocaleString('en-US')} raw rows`,
        `load average (1/5/15 min) before: ${loadBefore}; after: ${loadText()}`,
        `runs (import s / sqlite3 s / DuckDB s): ${imports.map((r, i) => `${(r.elapsedMs / 1000).toFixed(2)} / ${(floors[i]?.seconds ?? 0).toFixed(2)} / ${(ducks[i]?.seconds ?? 0).toFixed(2)}`).join(', ')}`,
        `DuckDB read_csv (all columns as text, into an in-memory table) loaded ${(ducks[0]?.rows ?? 0).toLocaleString('en-US')} rows`,
        "phases: what the import reports as progress (start, check, reading, finishing), wall, medians of the runs. Indented below them, the parts timed inside the import (src/main/import/parts.ts, medians): during reading the parser thread (read, parse, map, pack, waiting for the writer) and the import thread (unpack, match, write, waiting for the parser) run at once, so each thread's parts add up to the reading phase, not the two together; whichever thread waits less is the one to make faster. Index = the deferred indexes rebuilt before the commit (import/deferred-indexes.ts). The read floor is the file's bytes read alone; DuckDB read_csv is the parse peer",
        `re-import added ${again.linesAdded} lines and skipped ${again.duplicatesSkipped.toLocaleString('en-US')} duplicates`,
        'peak RSS is the whole child process (Node, modules, SQLite page cache, the import)',
      ],
    }
  },
}
