import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from '../api/queryClient'
import { HealthGate } from '../features/backup/HealthGate'
import type { EarlyCalls } from './earlyCalls'
import { LanguageSync } from './LanguageSync'
import { router } from './router'
import { StartFrame } from './StartFrame'
import { askStartQuestions } from './startQueries'
import { theme } from './theme'

/** The app; `early` are the first screen's calls the entry script already made (earlyCalls.ts). */
export function App(props: { early?: EarlyCalls }): React.JSX.Element {
  const [queryClient] = useState(() => {
    const client = createQueryClient()
    askStartQuestions(client, props.early)
    return client
  })
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <HealthGate pending={<StartFrame />}>
          <LanguageSync pending={<StartFrame />}>
            <RouterProvider router={router} />
          </LanguageSync>
        </HealthGate>
      </MantineProvider>
    </QueryClientProvider>
  )
}
