import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { systemKeys } from '../api/system'
import { backupKeys } from '../features/backup/queries'
import { dashboardKeys } from '../features/dashboard/queries'
import { settingsKeys } from '../features/settings/queries'
import { askEarlyCalls, type EarlyCalls } from './earlyCalls'

/**
 * The first screen's questions, all asked at once when the app starts (by the entry script, earlyCalls.ts):
 * is the database sound (HealthGate), which language (LanguageSync), does it hold data (StartRedirect), and,
 * when the window opens on the dashboard, its KPI cards. Each gate used to ask only once the one before it had
 * its answer. Here the answers (in flight or already in) become the queries the gates and the dashboard read
 * (same keys), so nothing is asked twice.
 */
/** A failed answer is shown by the component that reads it (its own query's error), not here. */
const ignore = (): void => undefined

/** The answer already asked for, the first time; a fresh call after that (a retry, a refetch). */
function firstThen<T>(early: Promise<T>, ask: () => Promise<T>): () => Promise<T> {
  let first: Promise<T> | null = early
  return () => {
    const answer = first ?? ask()
    first = null
    return answer
  }
}

export function askStartQuestions(client: QueryClient, early: EarlyCalls = askEarlyCalls()): void {
  const ask = (queryKey: readonly unknown[], queryFn: () => Promise<unknown>): void => {
    client.query({ queryKey, queryFn }).catch(ignore)
  }
  ask(
    backupKeys.health(),
    firstThen(early.health, () => call('getHealth')),
  )
  ask(
    settingsKeys.current(),
    firstThen(early.settings, () => call('getSettings')),
  )
  ask(
    systemKeys.stats(),
    firstThen(early.stats, () => call('getStats')),
  )
  if (early.kpis)
    ask(
      dashboardKeys.kpis(null),
      firstThen(early.kpis, () => call('getDashboardKpis', {})),
    )
}
