import type { ExportedFile } from '../../../shared/api/export'

/** Offers a file that main rendered (bytes, base64) as a download; the browser or Electron asks where. */
export function saveExportedFile(file: ExportedFile): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // the download has started from the URL; revoking at once can cancel it in some engines
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
