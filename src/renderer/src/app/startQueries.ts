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
/** A failed answer is shown by the gate that reads it (its own query's error), not here. */
const ignore = (): void => undefined

export function askStartQuestions(client: QueryClient): void {
  client.query({ queryKey: backupKeys.health(), queryFn: () => call('getHealth') }).catch(ignore)
  client.query({ queryKey: settingsKeys.current(), queryFn: () => call('getSettings') }).catch(ignore)
  client.query({ queryKey: systemKeys.stats(), queryFn: () => call('getStats') }).catch(ignore)
}
