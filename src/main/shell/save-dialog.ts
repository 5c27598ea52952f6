import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { SaveFileChooser, SaveFileKind } from '../backup/chooser'

// The save dialog (the only place that calls dialog.showSaveDialog): the user picks where a file the app
// writes for them goes, in the operating system's own dialog (its buttons in the system's language). The
// path it answers stays in the main process; the renderer only ever sees where the file ended up.

const FILTERS: Record<SaveFileKind, Electron.FileFilter[]> = {
  backup: [{ name: 'Lukkha (SQLite)', extensions: ['db'] }],
}

/** A chooser for the API context, attached to the window of the moment (modal to it when there is one). */
export function electronSaveFileChooser(window: () => BrowserWindow | null): SaveFileChooser {
  return async (suggestedName, kind) => {
    const options: Electron.SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: FILTERS[kind],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const win = window()
    const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    return answer.canceled || !answer.filePath ? null : answer.filePath
  }
}
