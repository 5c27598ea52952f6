import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from '../api/queryClient'
import { HealthGate } from '../features/backup/HealthGate'
import { LanguageSync } from './LanguageSync'
import { appRouter } from './router'
import { askStartQuestions, skipStartRedirect } from './startQueries'
import { theme } from './theme'

export function App(): React.JSX.Element {
  const [queryClient] = useState(() => {
    const client = createQueryClient()
    askStartQuestions(client)
    skipStartRedirect(client)
    return client
  })
  const [router] = useState(appRouter)
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <HealthGate>
          <LanguageSync>
            <RouterProvider router={router} />
          </LanguageSync>
        </HealthGate>
      </MantineProvider>
    </QueryClientProvider>
  )
}
