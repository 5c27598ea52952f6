import { call } from '../../api/client'
import { saveBlob } from '../../api/download'

// Files cross the process boundary as bytes, never as paths (DESIGN.md): a dropped or chosen file is sent to
// main in base64 chunks and comes back as an opaque file id; a CSV from main is saved through a Blob download.

/** 1 MiB of file per call: a big export makes steady progress and no message grows large. */
export const CHUNK_BYTES = 1024 * 1024

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read.'))
    }
    // the browser's own encoder: fast and without building a binary string in JavaScript
    reader.readAsDataURL(blob)
  })
}

/** Sends the file in chunks; `onSent` gets the bytes sent so far. Returns the file id for the import API. */
export async function uploadFile(file: File, onSent: (bytes: number) => void): Promise<string> {
  const { fileId } = await call('importUploadBegin', { fileName: file.name, size: file.size })
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    const chunk = file.slice(offset, offset + CHUNK_BYTES)
    await call('importUploadChunk', { fileId, offset, base64: await base64Of(chunk) })
    onSent(offset + chunk.size)
  }
  return fileId
}

/** Offers text from main as a file download (the template, rejected rows); the browser or Electron asks where. */
export function saveTextFile(fileName: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: 'text/csv;charset=utf-8' }))
}
