import { QueryClient } from '@tanstack/react-query'

// The API is local and answers from the database: a failed call is a real error, not a flaky network, so
// no retries; data changes only through this app's own mutations, which invalidate what they touch.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 },
      mutations: { retry: false },
    },
  })
}
