import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Page } from 'playwright-core'

/**
 * Drops a file on an element as a person dragging it from the file manager does: a real DataTransfer holding
 * a File with the file's bytes, dispatched as dragenter, dragover and drop (the browser's own drag events).
 */
export async function dropFile(
  page: Page,
  selector: string,
  path: string,
  name = basename(path),
): Promise<void> {
  const base64 = readFileSync(path).toString('base64')
  // a plain JavaScript string: this file is type-checked for Node, without the DOM types
  const dataTransfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0))
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}))
    return transfer
  })()`)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer })
  }
  await dataTransfer.dispose()
}
