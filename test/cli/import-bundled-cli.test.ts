import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateExport } from '../../bench/generate-export'
import { tempDir } from '../helpers/db'
import { projectRoot } from '../helpers/node'

// `npm run cli -- import` runs the bundled CLI (scripts/cli.mjs -> out/main/cli.js). A file of 4 MB or more is
// read in a parser thread, which must start from the bundle's import-parser entry: the CLI once looked for
// the .ts source beside its bundle and every big import failed with "Cannot find module".

function bundledCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(projectRoot, 'scripts/cli.mjs'), ...args],
      { cwd: projectRoot, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
    )
  })
}

describe('the bundled CLI', () => {
  it('imports a file big enough for the parser thread', { timeout: 240_000 }, async () => {
    const dir = tempDir()
    const file = join(dir, 'receipts.csv')
    const generated = generateExport({ layout: 'loyverse_receipts', lines: 30_000, seed: 11, out: file })
    expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024) // run.ts PARSER_MIN_BYTES
    const result = await bundledCli(['import', file, '--db', join(dir, 'shop.db'), '--json'])
    expect(result.stderr).not.toMatch(/Internal error/)
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout) as { status: string; rows_read: number; lines_added: number }
    expect(summary.status).toBe('done')
    expect(summary.rows_read).toBe(generated.lines)
    expect(summary.lines_added).toBeGreaterThan(0)
  })
})
