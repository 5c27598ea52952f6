import { bytesOfBase64, saveBlob } from '../../api/download'

/** Offers bytes from main (base64) as a download; the browser or Electron asks where to save. */
export function saveBase64File(fileName: string, base64: string): void {
  saveBlob(fileName, new Blob([bytesOfBase64(base64)]))
}
