import { useSyncExternalStore } from 'react'
import type { ImportOptionsDto } from '../../../../shared/api/import'

// Where the Import page is in its flow: which file, the choices made in the preview, the running job. It lives
// outside the page component so that leaving the page (to look at the dashboard during a long import, or to
// switch the language in the settings) and coming back finds the same step. One window, one import at a time.

export interface ChosenFile {
  fileId: string
  fileName: string
  options: ImportOptionsDto
  /** The mapping in use started as Lukkha's guess from the column names (the wizard says so). */
  guessed?: boolean
}

export type ImportSession =
  | { step: 'choose' }
  | { step: 'uploading'; fileName: string; size: number; sent: number }
  | ({ step: 'preview' } & ChosenFile)
  /** The job runs or has ended; the job's own state says which. */
  | ({ step: 'job'; jobId: string } & ChosenFile)

let current: ImportSession = { step: 'choose' }
const listeners = new Set<() => void>()

export function setImportSession(next: ImportSession): void {
  current = next
  for (const listener of listeners) listener()
}

export function getImportSession(): ImportSession {
  return current
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useImportSession(): ImportSession {
  return useSyncExternalStore(subscribe, getImportSession)
}
