/** Offers a file from main as a download (the browser or Electron asks where): files never travel as paths. */
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

/** Base64 from the API (e.g. a PDF) as bytes for a Blob. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
