import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

/** Data an import changed: a finished import (it stored rows) or an undone one (it removed them). */
export interface ImportChange {
  importId: number
  kind: 'imported' | 'undone'
}

/**
 * THE single place where the app reacts to an import changing the data. It marks every cached query stale
 * (dashboard, stats, history, and any analysis page), so what is on screen refetches.
 *
 * Coordinator: plug the analysis re-run (the analysis feature's hook that runs the analysis with progress
 * after data changes) in here: call its hook at the top of useOnImported and start it in the callback.
 * The callback may run after the Import page has closed (an import finishing while the user looks at the
 * dashboard), so what it calls must not depend on the page staying mounted.
 */
export function useOnImported(): (change: ImportChange) => void {
  const client = useQueryClient()
  return useCallback(
    (_change: ImportChange) => {
      void client.invalidateQueries()
    },
    [client],
  )
}
