import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { startAnalysis } from '../analysis/analysisJob'

/** Data an import changed: a finished import (it stored rows) or an undone one (it removed them). */
export interface ImportChange {
  importId: number
  kind: 'imported' | 'undone'
}

/**
 * THE single place where the app reacts to an import changing the data. It marks every cached query stale
 * (dashboard, stats, history, and any analysis page), so what is on screen refetches, and re-runs the
 * customer analysis in its worker (its progress shows on the analysis pages). `afterDataChange` makes the
 * main process queue a fresh run if one is already running on the older data. The callback may run after
 * the Import page has closed, so it uses startAnalysis, whose job state lives outside React.
 */
export function useOnImported(): (change: ImportChange) => void {
  const client = useQueryClient()
  return useCallback(
    (_change: ImportChange) => {
      void client.invalidateQueries()
      void startAnalysis(client, { afterDataChange: true })
    },
    [client],
  )
}
