import { useQueryClient, type QueryClient } from '@tanstack/react-query'
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
 * the Import page has closed (an import job's end, see queries.ts), so it works on the QueryClient.
 */
export function dataChanged(client: QueryClient, _change: ImportChange): void {
  void client.invalidateQueries()
  void startAnalysis(client, { afterDataChange: true })
}

/** dataChanged for components. */
export function useOnImported(): (change: ImportChange) => void {
  const client = useQueryClient()
  return useCallback((change: ImportChange) => dataChanged(client, change), [client])
}
