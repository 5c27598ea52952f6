import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '../../api/client'
import { startAnalysis } from '../analysis/analysisJob'

/** Fills the empty database with the demo shop; every cached query is then stale. */
export function useLoadDemo() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('loadDemo'),
    // The demo's customers are analysed straight away, in the background (the Segments page shows the bar)
    onSuccess: () => {
      void startAnalysis(client)
      return client.invalidateQueries()
    },
  })
}
