import { QueryClient } from '@tanstack/react-query'
import { listenToJobs } from './jobs'

// The API is local and answers from the database: a failed call is a real error, not a flaky network, so
// no retries; data changes only through this app's own mutations, which invalidate what they touch.
// Job events feed the cache from the start (src/renderer/src/api/jobs.ts).
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 },
      mutations: { retry: false },
    },
  })
  listenToJobs(client)
  return client
}
