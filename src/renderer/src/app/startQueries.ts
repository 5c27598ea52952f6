import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { systemKeys } from '../api/system'
import { backupKeys } from '../features/backup/queries'
import { settingsKeys } from '../features/settings/queries'

/**
 * The first screen's questions, asked all at once when the app starts: is the database sound (HealthGate),
 * which language (LanguageSync), does it hold data (StartRedirect). Each gate used to ask only once the one
 * before it had its answer, three round trips one after another before anything but a spinner was drawn.
 * The gates read the same queries (same keys and calls), now already answered or in flight.
 */
export function askStartQuestions(client: QueryClient): void {
  void client.prefetchQuery({ queryKey: backupKeys.health(), queryFn: () => call('getHealth') })
  void client.prefetchQuery({ queryKey: settingsKeys.current(), queryFn: () => call('getSettings') })
  void client.prefetchQuery({ queryKey: systemKeys.stats(), queryFn: () => call('getStats') })
}
