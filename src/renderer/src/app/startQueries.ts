import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { systemKeys } from '../api/system'
import { backupKeys } from '../features/backup/queries'
import { dashboardKeys } from '../features/dashboard/queries'
import { settingsKeys } from '../features/settings/queries'
import { takeArrived, takeEarly } from './earlyCalls'

/**
 * The first screen's questions, asked all at once when the app starts: is the database sound (HealthGate),
 * which language (LanguageSync), does it hold data (StartRedirect). Each gate used to ask only once the one
 * before it had its answer, three round trips one after another before anything but a spinner was drawn.
 * The gates read the same queries (same keys and calls), now already answered or in flight. The entry script
 * asked them before the app's code ran (earlyCalls.ts): those answers are taken here, once; the ones that have
 * already arrived go straight into the cache, so the first render draws past the gates instead of a spinner.
 *
 * The dashboard's KPIs, when the entry asked them (the window opens on the dashboard), go under the key the
 * dashboard reads; when the database turns out empty (the welcome screen follows) or damaged (the recovery
 * screen), that answer is dropped, so a dashboard opened later (after an import, a demo, a restore) asks again
 * instead of showing the empty start's figures.
 */
/** A failed answer is shown by the gate that reads it (its own query's error), not here. */
const ignore = (): void => undefined

/**
 * Puts an answer under `key`: at once when the early answer has `arrived` (the first render finds it), else by
 * a query that takes the early answer in flight or asks again (`ask`). `then` sees the answer either way.
 */
function startQuery<T>(
  client: QueryClient,
  key: readonly unknown[],
  arrived: { value: T } | undefined,
  ask: () => Promise<T>,
  then: (answer: T) => void = ignore,
): void {
  if (arrived) {
    client.setQueryData(key, arrived.value)
    then(arrived.value)
    return
  }
  client.query({ queryKey: key, queryFn: ask }).then(then).catch(ignore)
}

export function askStartQuestions(client: QueryClient): void {
  const kpisDropped = { now: false }
  const dropKpis = (): void => {
    kpisDropped.now = true
    client.removeQueries({ queryKey: dashboardKeys.kpis(null), exact: true })
  }
  startQuery(
    client,
    backupKeys.health(),
    takeArrived('getHealth'),
    () => takeEarly('getHealth') ?? call('getHealth'),
    (health) => {
      if (health.status !== 'ok') dropKpis()
    },
  )
  startQuery(
    client,
    settingsKeys.current(),
    takeArrived('getSettings'),
    () => takeEarly('getSettings') ?? call('getSettings'),
  )
  startQuery(
    client,
    systemKeys.shopStatus(),
    takeArrived('getShopStatus'),
    () => takeEarly('getShopStatus') ?? call('getShopStatus'),
    (status) => {
      if (status.empty) dropKpis()
    },
  )
  const arrivedKpis = takeArrived('getDashboardKpis')
  const kpis = takeEarly('getDashboardKpis')
  if (kpisDropped.now) return
  if (arrivedKpis) client.setQueryData(dashboardKeys.kpis(null), arrivedKpis.value)
  else if (kpis) client.query({ queryKey: dashboardKeys.kpis(null), queryFn: () => kpis }).catch(ignore)
}

/**
 * When the window opens on the start address ('/', where StartRedirect leads on) and the shop's status has
 * already arrived, opens where StartRedirect would lead (the welcome screen or the dashboard) before the
 * router reads the address: the first render draws that page, with no redirect pass and no navigation
 * rendered as a transition after it. Otherwise StartRedirect decides, as before.
 */
export function skipStartRedirect(client: QueryClient): void {
  const { hash } = window.location
  if (hash !== '' && hash !== '#' && hash !== '#/') return
  const status = client.getQueryData<{ empty: boolean }>(systemKeys.shopStatus())
  if (!status) return
  window.history.replaceState(window.history.state, '', status.empty ? '#/welcome' : '#/dashboard')
}
