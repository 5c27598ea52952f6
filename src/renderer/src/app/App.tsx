import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from '../api/queryClient'
import { HealthGate } from '../features/backup/HealthGate'
import { LanguageSync } from './LanguageSync'
import { router } from './router'
import { askStartQuestions } from './startQueries'
import { theme } from './theme'

export function App(): React.JSX.Element {
  const [queryClient] = useState(() => {
    const client = createQueryClient()
    askStartQuestions(client)
    return client
  })
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
