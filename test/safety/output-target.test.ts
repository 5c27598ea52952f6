import { spawnSync } from 'node:child_process'
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupDatabase } from '../../src/main/db/backup'
import { writeFileAtomic } from '../../src/main/export'
import { exportSales } from '../../src/main/import/export-sales'
import { testContext, tempDir } from '../helpers/db'
import { runCli } from '../helpers/node'
import { fixture, importFile } from '../import/helpers'

// A file the user names for output is written beside itself and renamed into place; a path that is a device,
// a pipe or a folder must be refused, never replaced (`backup --out /dev/null` as root once turned the
// machine's /dev/null into a plain file).

/** A named pipe: a special file anyone can make (a device node needs root). */
function fifo(dir: string): string {
  const path = join(dir, 'pipe')
  const made = spawnSync('mkfifo', [path])
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`)
  return path
}

describe('output paths that are not files', () => {
  it('the sales export and the backup refuse a pipe and a folder, and leave them as they were', async () => {
    const dir = tempDir()
    const ctx = await testContext(dir)
    try {
      await importFile(ctx.connection.sqlite, fixture('lukkha-sales.csv'))
      const pipe = fifo(dir)
      const folder = join(dir, 'folder')
      mkdirSync(folder)
      for (const target of [pipe, folder]) {
        expect(() => exportSales(ctx.connection.sqlite, target)).toThrow(
          expect.objectContaining({ code: 'bad_input', params: { file: target } }),
        )
        await expect(backupDatabase(ctx.connection.sqlite, target)).rejects.toMatchObject({
          code: 'bad_input',
          params: { file: target },
        })
        // the shared table writer (campaign lists, other CLI exports)
        await expect(writeFileAtomic(target, Buffer.from('a,b\r\n'))).rejects.toMatchObject({
          code: 'bad_input',
          params: { file: target },
        })
      }
      expect(statSync(pipe).isFIFO()).toBe(true)
      expect(statSync(folder).isDirectory()).toBe(true)
      // a new file name is written as before
      expect(exportSales(ctx.connection.sqlite, join(dir, 'sales.csv')).lines).toBeGreaterThan(0)
      await backupDatabase(ctx.connection.sqlite, join(dir, 'copy.db'))
      expect(statSync(join(dir, 'copy.db')).isFile()).toBe(true)
    } finally {
      await ctx.close()
    }
  })

  it('the CLI says so in one line and exits non-zero', async () => {
    const dir = tempDir()
    const db = join(dir, 'lukkha.db')
    expect((await runCli(['import', fixture('lukkha-sales.csv'), '--db', db])).code).toBe(0)
    const pipe = fifo(dir)
    for (const args of [
      ['backup', '--db', db, '--out', pipe],
      ['export', 'sales', '--db', db, '--out', pipe],
    ]) {
      const run = await runCli(args)
      expect(run.code).not.toBe(0)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain(`Cannot write to ${pipe}: it is not a regular file`)
    }
    expect(statSync(pipe).isFIFO()).toBe(true)
  })
})
