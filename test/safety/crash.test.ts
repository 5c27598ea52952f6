import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/db'
import { cliBundlePath, staleReason } from '../../scripts/cli.mjs'
import { projectRoot } from '../helpers/node'

// kill -9 at random moments (seeded) of imports, undos and analyses, each followed by integrity_check and
// an all-or-nothing check: an interrupted import stored all of its lines or none; an interrupted undo
// removed all of them or none; an interrupted analysis left no run without its scores.

const IMPORT_KILLS = 25
const UNDO_KILLS = 3
const ANALYZE_KILLS = 2
const LINES = 2000

// Each run starts the CLI as a user would. From the built bundle when it is up to date (`npm test` builds
// first): a start costs ~0.3 s instead of a tsx compile of ~2-4 s on a busy machine, so the 30 runs take a
// small share of the suite and the kills land inside the import, not in the start-up. From source otherwise.
const cliCommand = (): string[] =>
  staleReason(projectRoot) === null
    ? [cliBundlePath(projectRoot)]
    : ['--import', 'tsx', resolve(projectRoot, 'src/main/cli/index.ts')]
const cli = cliCommand()

function rng(seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

function salesFile(dir: string, tag: string): string {
  const rows = Array.from(
    { length: LINES },
    (_, i) =>
      `${tag}-${Math.floor(i / 3)},2025-0${(i % 9) + 1}-1${i % 9},Customer ${tag} ${i % 300},08${String(10_000_000 + (i % 300) + tag.length * 1000)},1,10,10,Product ${i % 40}`,
  )
  const path = join(dir, `${tag}.csv`)
  writeFileSync(
    path,
    `receipt_number,date,customer_name,phone,quantity,unit_price,net_amount,product_name\n${rows.join('\n')}\n`,
  )
  return path
}

/** Starts the CLI; resolves with its exit (and what it said on stderr) once killed (after delayMs) or finished. */
function runAndKill(
  args: string[],
  delayMs: number | null,
): Promise<{ killed: boolean; ms: number; code: number | null; stderr: string }> {
  const started = Date.now()
  const child = spawn(process.execPath, [...cli, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let killed = false
  const timer = delayMs === null ? null : setTimeout(() => (killed = child.kill('SIGKILL')), delayMs)
  return new Promise((done) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      done({ killed, ms: Date.now() - started, code, stderr })
    }),
  )
}

function check(db: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(db, { readonly: true })
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  const n = (sql: string, ...p: unknown[]): number =>
    Number(
      sqlite
        .prepare(sql)
        .pluck()
        .get(...p),
    )
  // receipts' stored totals agree with their lines (a half-written receipt would not)
  expect(
    n(
      'select count(*) from receipts r where net_satang != (select coalesce(sum(net_satang), 0) from receipt_lines l where l.receipt_id = r.id)',
    ),
  ).toBe(0)
  return sqlite
}

describe('crash safety', () => {
  it(`${IMPORT_KILLS} killed imports, ${UNDO_KILLS} killed undos and ${ANALYZE_KILLS} killed analyses: all or nothing, integrity ok`, async () => {
    const dir = tempDir()
    const db = join(dir, 'shop.db')
    const random = rng(16)
    const init = await runAndKill(['init', '--db', db], null)
    expect(init.code, init.stderr).toBe(0)
    // how long a whole import takes here, start-up included: the kills land anywhere inside it
    const timed = await runAndKill(
      ['import', salesFile(dir, 'T'), '--db', db, '--preset', 'lukkha_sales'],
      null,
    )
    expect(timed.code, timed.stderr).toBe(0)
    // (and again whenever one finishes before its kill: the machine's speed changes while the suite runs, and a
    // span measured while other test files were busy would let most kills land after the import's end)
    let span = timed.ms
    let interrupted = 0
    let stoppedMidway = 0 // killed before the import committed: the all-or-nothing case that matters
    for (let k = 0; k < IMPORT_KILLS; k++) {
      const tag = `K${k}`
      const file = salesFile(dir, tag)
      const { killed, code, stderr, ms } = await runAndKill(
        ['import', file, '--db', db, '--preset', 'lukkha_sales'],
        Math.floor(span * (0.2 + random() * 0.9)),
      )
      if (killed) interrupted++
      else {
        expect(code, stderr).toBe(0) // one that finished imported (what the last kill left did not stop it)
        span = ms
      }
      const sqlite = check(db)
      const lines = Number(
        sqlite
          .prepare(
            'select count(*) from receipt_lines l join receipts r on r.id = l.receipt_id where r.receipt_number like ?',
          )
          .pluck()
          .get(`${tag}-%`),
      )
      const done = Number(
        sqlite
          .prepare("select count(*) from imports where file_name = ? and status = 'done'")
          .pluck()
          .get(`${tag}.csv`),
      )
      sqlite.close()
      expect([0, LINES]).toContain(lines)
      if (killed && lines === 0) stoppedMidway++
      expect(done === 1).toBe(lines === LINES)
    }
    expect(interrupted).toBeGreaterThanOrEqual(Math.ceil(IMPORT_KILLS / 2)) // most kills hit a running import
    expect(stoppedMidway).toBeGreaterThan(0)
    for (let k = 0; k < UNDO_KILLS; k++) {
      const tag = `U${k}`
      // a whole import right after a killed one: the lock files the killed process left do not stop it
      const run = await runAndKill(
        ['import', salesFile(dir, tag), '--db', db, '--preset', 'lukkha_sales'],
        null,
      )
      expect(run.code, run.stderr).toBe(0)
      const id = Number(
        new BetterSqlite3(db, { readonly: true }).prepare('select max(id) from imports').pluck().get(),
      )
      await runAndKill(['undo-import', String(id), '--db', db], Math.floor(span * (0.3 + random() * 0.7)))
      const sqlite = check(db)
      const lines = Number(
        sqlite
          .prepare(
            'select count(*) from receipt_lines l join receipts r on r.id = l.receipt_id where r.receipt_number like ?',
          )
          .pluck()
          .get(`${tag}-%`),
      )
      const status = sqlite.prepare('select status from imports where id = ?').pluck().get(id)
      sqlite.close()
      expect(lines).toBe(status === 'undone' ? 0 : LINES)
    }
    for (let k = 0; k < ANALYZE_KILLS; k++) {
      await runAndKill(['analyze', '--db', db], Math.floor(span * (0.3 + random() * 0.9)))
      const sqlite = check(db)
      const empty = Number(
        sqlite
          .prepare(
            'select count(*) from analysis_runs a where not exists (select 1 from analysis_scores s where s.run_id = a.id)',
          )
          .pluck()
          .get(),
      )
      sqlite.close()
      expect(empty).toBe(0)
    }
  }, 900_000)
})
