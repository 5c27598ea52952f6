import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '../../api/client'

/** Fills the empty database with the demo shop; every cached query is then stale. */
export function useLoadDemo() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('loadDemo'),
    onSuccess: () => client.invalidateQueries(),
  })
}
