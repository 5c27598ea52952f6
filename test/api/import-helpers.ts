import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { ApiContext } from '../../src/main/api/context'
import type { ImportJob } from '../../src/shared/api/import'
import type { Output } from '../../src/shared/api'
import type { Method } from '../../src/shared/api'
import { waitForJob } from '../helpers/jobs'

/** Calls the API as the renderer does and returns the data, failing the test on an error result. */
export async function call<M extends Method>(
  ctx: ApiContext,
  method: M,
  input?: unknown,
): Promise<Output<M>> {
  const result = await dispatch(method, input, ctx)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
  return result.data as Output<M>
}

/** Sends a file's bytes in base64 chunks, as the Import page does after a drop. */
export async function upload(ctx: ApiContext, path: string, chunkBytes = 700): Promise<string> {
  const bytes = readFileSync(path)
  const { fileId } = await call(ctx, 'importUploadBegin', { fileName: basename(path), size: bytes.length })
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const chunk = bytes.subarray(offset, offset + chunkBytes)
    const r = await call(ctx, 'importUploadChunk', { fileId, offset, base64: chunk.toString('base64') })
    expect(r.received).toBe(offset + chunk.length)
  }
  return fileId
}

/** Waits until the import job has ended (on the registry, not by polling) and returns it as getJob does. */
export function finished(ctx: ApiContext, jobId: string): Promise<ImportJob> {
  return waitForJob(ctx, jobId, 'import')
}
