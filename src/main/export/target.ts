import { statSync } from 'node:fs'
import { LukkhaError } from '../errors'

/**
 * Refuses an output path that exists and is not a regular file. Every file the app writes for the user is
 * written to a temporary file beside it and renamed into place (an interrupted write never leaves half a
 * file); renamed over a device, a pipe or a folder, that would replace it: `backup --out /dev/null` run as
 * root once turned the machine's /dev/null into a plain file. A path that does not exist yet is fine.
 */
export function checkOutputTarget(path: string): void {
  let isFile: boolean
  try {
    isFile = statSync(path).isFile()
  } catch {
    return // nothing there yet: the file will be created
  }
  if (!isFile) {
    throw new LukkhaError(
      'bad_input',
      `Cannot write to ${path}: it is not a regular file (a device, a pipe or a folder); name a file instead.`,
      { path },
      { file: path },
    )
  }
}
