import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { systemKeys } from '../api/system'
import { backupKeys } from '../features/backup/queries'
import { dashboardKeys } from '../features/dashboard/queries'
import { settingsKeys } from '../features/settings/queries'
import { takeEarly } from './earlyCalls'

/**
 * The first screen's questions, asked all at once when the app starts: is the database sound (HealthGate),
 * which language (LanguageSync), does it hold data (StartRedirect). Each gate used to ask only once the one
 * before it had its answer, three round trips one after another before anything but a spinner was drawn.
 * The gates read the same queries (same keys and calls), now already answered or in flight. The entry script
 * asked them before the app's code ran (earlyCalls.ts): those answers are taken here, once.
 *
 * The dashboard's KPIs, when the entry asked them (the window opens on the dashboard), go under the key the
 * dashboard reads; when the database turns out empty (the welcome screen follows) or damaged (the recovery
 * screen), that answer is dropped, so a dashboard opened later (after an import, a demo, a restore) asks again
 * instead of showing the empty start's figures.
 */
/** A failed answer is shown by the gate that reads it (its own query's error), not here. */
const ignore = (): void => undefined

export function askStartQuestions(client: QueryClient): void {
  const dropKpis = (): void => client.removeQueries({ queryKey: dashboardKeys.kpis(null), exact: true })
  client
    .query({ queryKey: backupKeys.health(), queryFn: () => takeEarly('getHealth') ?? call('getHealth') })
    .then((health) => {
      if (health.status !== 'ok') dropKpis()
    })
    .catch(ignore)
  client
    .query({
      queryKey: settingsKeys.current(),
      queryFn: () => takeEarly('getSettings') ?? call('getSettings'),
    })
    .catch(ignore)
  client
    .query({
      queryKey: systemKeys.shopStatus(),
      queryFn: () => takeEarly('getShopStatus') ?? call('getShopStatus'),
    })
    .then((status) => {
      if (status.empty) dropKpis()
    })
    .catch(ignore)
  const kpis = takeEarly('getDashboardKpis')
  if (kpis) client.query({ queryKey: dashboardKeys.kpis(null), queryFn: () => kpis }).catch(ignore)
}
