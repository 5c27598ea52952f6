/**
 * Asks the user where to save a file the app writes for them (a backup they keep themselves). The Electron
 * shell implements it with the system's save dialog (src/main/shell/save-dialog.ts), the test harness with
 * a temporary folder; the CLI has none (it takes --out FILE). So the path always comes from the main
 * process, never from the renderer. Resolves null when the user closed the dialog without choosing.
 */
export type SaveFileChooser = (suggestedName: string, kind: SaveFileKind) => Promise<string | null>

/** What is being saved: the dialog offers the matching file type. */
export type SaveFileKind = 'backup'
