import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'
import { fixedNow, fixture, importFile } from '../import/helpers'

// Read-only storage for real, not a read-only SQLite handle: the database's folder is made unwritable for
// the process that runs the command line (or opens the app's context), in two ways:
//  - a read-only bind mount in a private mount namespace (unshare; root cannot write there either: EROFS);
//  - an unprivileged user (setpriv to nobody when the test runs as root, as CI does, since root ignores
//    chmod) facing a folder chmod 0555 and a file 0644 (EACCES).
// Each asserts: stats reads; an import and a backup answer the plain read-only sentence (one line, exit 2,
// no stack trace); a backup to a writable place still works; the app's open path answers read_only; and
// not one byte changed in the folder. A way the machine cannot provide is skipped, saying why.

interface Run {
  code: number
  stdout: string
  stderr: string
}

interface Mechanism {
  name: string
  /** Why it cannot run here, or null. */
  unavailable(dir: string): string | null
  /** Makes `dir` unwritable to the commands `run` starts (and undoes it in restore). */
  prepare(dir: string): void
  restore(dir: string): void
  /** The command line that runs `command` with `dir` unwritable. */
  wrap(dir: string, command: string[]): string[]
}

const NOBODY = 65534

function spawn(argv: string[], env: NodeJS.ProcessEnv = {}): Run {
  const [command = '', ...args] = argv
  const r = spawnSync(command, args, {
    cwd: projectRoot,
    env: { ...process.env, LUKKHA_DEBUG: '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr || (r.error?.message ?? '') }
}

const bindMount: Mechanism = {
  name: 'a read-only bind mount (unshare --mount)',
  wrap: (dir, command) => [
    'unshare',
    '--mount',
    'sh',
    '-c',
    'mount --bind -o ro "$0" "$0" && exec "$@"',
    dir,
    ...command,
  ],
  unavailable(dir) {
    const probe = spawn(this.wrap(dir, ['sh', '-c', 'touch "$0/probe" 2>&1; test ! -e "$0/probe"', dir]))
    return probe.code === 0 ? null : `unshare/mount not permitted here: ${probe.stderr.trim()}`
  },
  prepare: () => undefined,
  restore: () => undefined,
}

const root = process.getuid?.() === 0
const unprivileged: Mechanism = {
  name: root ? 'an unprivileged user (setpriv to nobody) and a 0555 folder' : 'a 0555 folder',
  wrap: (_dir, command) =>
    root ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...command] : command,
  unavailable() {
    if (!root) return null
    const probe = spawn(
      this.wrap('', [
        process.execPath,
        '-e',
        `require('fs').accessSync(${JSON.stringify(projectRoot)} + '/package.json')`,
      ]),
    )
    return probe.code === 0
      ? null
      : `setpriv cannot run Node as nobody on this checkout: ${probe.stderr.trim()}`
  },
  prepare(dir) {
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, name)
      chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444)
    }
    chmodSync(dir, 0o555)
  },
  restore(dir) {
    chmodSync(dir, 0o755)
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, name)
      chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644)
    }
  },
}

/** Every file under `dir` with its SHA-256: what must not change. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name)
    files[relative(dir, path)] = statSync(path).isDirectory()
      ? 'folder'
      : createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  return files
}

/** A shop database as the app leaves it: sales imported, a daily backup, closed cleanly. */
async function shop(dir: string): Promise<{ dbFile: string; counts: Record<string, number> }> {
  const dbFile = join(dir, 'lukkha.db')
  const ctx = await createApiContext({ dbFile, appVersion: 'test', systemLocale: 'th-TH', now: fixedNow })
  await importFile(ctx.connection.sqlite, fixture('lukkha-sales.csv'))
  for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId)
  const count = (table: string): number =>
    Number(ctx.connection.sqlite.prepare(`select count(*) from ${table}`).pluck().get())
  const counts = { customers: count('customers'), receipts: count('receipts'), lines: count('receipt_lines') }
  await ctx.close()
  return { dbFile, counts }
}

const cli = (args: string[]): string[] => [
  process.execPath,
  '--import',
  'tsx',
  'src/main/cli/index.ts',
  ...args,
]

function plainReadOnly(run: Run): void {
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1) // one line, no stack trace
  expect(lines[0]).toMatch(
    /^lukkha: Lukkha cannot write to .+: the file or its folder is read-only\. Nothing was changed\.$/,
  )
}

describe.each([bindMount, unprivileged])('read-only storage: $name', (mechanism) => {
  let prepared: string | null = null
  afterEach(() => {
    if (prepared) mechanism.restore(prepared)
    prepared = null
  })

  it('reads work; writes answer the plain read-only message; nothing on disk changes', async (test) => {
    const parent = tempDir()
    chmodSync(parent, 0o755) // mkdtemp makes it 0700: another user could not even reach the shop folder
    const dir = join(parent, 'shop')
    mkdirSync(dir)
    const why = mechanism.unavailable(dir)
    if (why) {
      test.skip(`${mechanism.name} is not available on this machine: ${why}`)
      return
    }
    const { dbFile, counts } = await shop(dir)
    const out = tempDir()
    chmodSync(out, 0o777) // where a backup may still be written (by nobody too)
    mechanism.prepare(dir)
    prepared = dir
    const before = fingerprint(dir)
    const run = (command: string[]): Run => spawn(mechanism.wrap(dir, command), { HOME: out })

    const stats = run(cli(['stats', '--db', dbFile, '--json']))
    expect(stats.stderr).toBe('')
    expect(stats.code).toBe(0)
    expect(JSON.parse(stats.stdout)).toMatchObject(counts)

    plainReadOnly(
      run(cli(['import', fixture('lukkha-sales.csv'), '--db', dbFile, '--preset', 'lukkha_sales'])),
    )
    plainReadOnly(run(cli(['backup', '--db', dbFile])))

    // the data can still be taken elsewhere: a backup to a writable folder works and is whole
    const copy = join(out, 'copy.db')
    const saved = run(cli(['backup', '--db', dbFile, '--out', copy]))
    expect(saved).toMatchObject({ code: 0, stderr: '' })
    const db = new BetterSqlite3(copy, { readonly: true, fileMustExist: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(Number(db.prepare('select count(*) from receipt_lines').pluck().get())).toBe(counts.lines)
    db.close()

    // the app's open path (createApiContext, as the Electron app and the harness open the database)
    const probe = run([process.execPath, '--import', 'tsx', 'test/safety/open-probe.ts', dbFile])
    expect(probe.code).toBe(0)
    const opened = JSON.parse(probe.stdout) as { opened: boolean; error?: { code: string; message: string } }
    expect(opened).toMatchObject({ opened: false, error: { code: 'read_only' } })
    expect(opened.error?.message).toContain(dbFile)
    expect(opened.error?.message.split('\n')).toHaveLength(1)

    expect(fingerprint(dir)).toEqual(before) // not one byte, not one new file (no lock, no -wal, no -shm)
  })
})
