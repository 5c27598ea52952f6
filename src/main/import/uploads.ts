import { randomUUID } from 'node:crypto'
import { mkdtempSync, openSync, closeSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LukkhaError } from '../errors'

// Files the renderer hands over for import. The renderer sends bytes, never a path: main writes them to a
// temporary folder of its own and names the file by an opaque id. The original name is only shown, never
// used as a path.

export interface Upload {
  fileId: string
  fileName: string
  path: string
  size: number
  received: number
}

export class UploadStore {
  private dir: string | null = null
  private readonly uploads = new Map<string, Upload>()

  /** The folder for uploads and rejected-row files; made on first use, removed by dispose(). */
  folder(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'lukkha-import-'))
    return this.dir
  }

  begin(fileName: string, size: number): Upload {
    const fileId = randomUUID()
    const path = join(this.folder(), `${fileId}.upload`)
    closeSync(openSync(path, 'w'))
    const upload: Upload = { fileId, fileName, path, size, received: 0 }
    this.uploads.set(fileId, upload)
    return upload
  }

  get(fileId: string): Upload {
    const upload = this.uploads.get(fileId)
    if (!upload) throw new LukkhaError('not_found', 'That file is no longer here; choose it again.')
    return upload
  }

  /** Appends a chunk; chunks come in order (offset = bytes received so far) and never past the declared size. */
  append(fileId: string, offset: number, bytes: Buffer): Upload {
    const upload = this.get(fileId)
    if (offset !== upload.received) {
      throw new LukkhaError(
        'validation',
        `Chunk at byte ${offset} of ${upload.fileName}, expected byte ${upload.received}.`,
      )
    }
    if (upload.received + bytes.length > upload.size) {
      throw new LukkhaError(
        'validation',
        `${upload.fileName} is larger than the ${upload.size} bytes announced.`,
      )
    }
    const fd = openSync(upload.path, 'a')
    try {
      writeSync(fd, bytes)
    } finally {
      closeSync(fd)
    }
    upload.received += bytes.length
    return upload
  }

  /** The upload, checked to be complete. */
  complete(fileId: string): Upload {
    const upload = this.get(fileId)
    if (upload.received !== upload.size) {
      throw new LukkhaError(
        'file_incomplete',
        `${upload.fileName} has not fully arrived (${upload.received} of ${upload.size} bytes).`,
        undefined,
        { file: upload.fileName },
      )
    }
    return upload
  }

  discard(fileId: string): boolean {
    const upload = this.uploads.get(fileId)
    if (!upload) return false
    this.uploads.delete(fileId)
    try {
      unlinkSync(upload.path)
    } catch {
      // already gone
    }
    return true
  }

  dispose(): void {
    this.uploads.clear()
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
    this.dir = null
  }
}
