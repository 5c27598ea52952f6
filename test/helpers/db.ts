import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import type { ApiContext } from '../../src/main/api/context'

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lukkha-test-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A migrated database in a temporary file, wrapped as the API context; closed after the test. */
export async function testContext(dir = tempDir()): Promise<ApiContext> {
  const ctx = await createApiContext({
    dbFile: join(dir, 'shop.db'),
    appVersion: '0.0.0-test',
    systemLocale: 'th-TH',
    now: () => new Date(),
  })
  afterEach(() => ctx.close())
  return ctx
}
