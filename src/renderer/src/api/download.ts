import type { ExportedFile } from '../../../shared/api/export'

// Files reach the user as downloads of bytes from main (the browser or Electron asks where): no path ever
// crosses the process boundary.

/** Offers a Blob as a file download. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // the download has started from the URL; revoking at once can cancel it in some engines
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Base64 from the API (an export, a PDF) as bytes for a Blob. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Offers a file that main rendered (bytes, base64) as a download. */
export function saveExportedFile(file: ExportedFile): void {
  saveBlob(file.fileName, new Blob([bytesOfBase64(file.base64)], { type: file.mimeType }))
}
