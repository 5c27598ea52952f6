import { call } from '../api/client'
import { warmFormats } from './warmFormats'

// The first screen's API questions, asked by the entry script (main.tsx) the moment it runs: before React,
// Mantine, the router and the texts are evaluated (~300 ms of the page's CPU under load), not after. Only
// `call` and the zod-free formatters (warmFormats: built when the settings arrive) are imported here, so this
// stays a few kB of the entry.
// askStartQuestions (startQueries.ts) takes each answer ONCE into the query cache at start, under the keys the
// gates and the dashboard read; a later refetch asks the API again as usual.

type EarlyMethod = 'getHealth' | 'getSettings' | 'getShopStatus' | 'getDashboardKpis'
type Answer<M extends EarlyMethod> = ReturnType<typeof call<M>>

const asked = new Map<EarlyMethod, Promise<unknown>>()
/** The answers that have arrived (not failed), by method, until taken. */
const arrived = new Map<EarlyMethod, unknown>()
const ignore = (): void => undefined

/**
 * True when the window opens where the start redirect leads a shop with data: the dashboard at its default
 * day (the app's page without a hash, or #/dashboard without ?asOf).
 */
export function opensOnDashboard(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/' || hash === '#/dashboard'
}

function ask<M extends EarlyMethod>(method: M, answer: Answer<M>): void {
  // a failure is shown by the query that takes it; unclaimed, it is no unhandled rejection
  answer.then((value) => asked.get(method) === answer && arrived.set(method, value), ignore)
  asked.set(method, answer)
}

/** Asks the start questions now; the dashboard's KPIs too when the window opens on the dashboard. */
export function askEarly(hash: string): void {
  ask('getHealth', call('getHealth'))
  const settings = call('getSettings')
  ask('getSettings', settings)
  settings.then(warmFormats).catch(ignore)
  ask('getShopStatus', call('getShopStatus'))
  if (opensOnDashboard(hash)) ask('getDashboardKpis', call('getDashboardKpis', {}))
}

/** The early answer of `method`, once (undefined when it was not asked early or is already taken). */
export function takeEarly<M extends EarlyMethod>(method: M): Answer<M> | undefined {
  const answer = asked.get(method) as Answer<M> | undefined
  asked.delete(method)
  arrived.delete(method)
  return answer
}

/**
 * The early answer of `method` when it has already arrived, once (then takeEarly has nothing either): the app
 * puts it in the cache before its first render, instead of rendering a pending gate first.
 */
export function takeArrived<M extends EarlyMethod>(method: M): { value: Awaited<Answer<M>> } | undefined {
  if (!arrived.has(method)) return undefined
  const value = arrived.get(method) as Awaited<Answer<M>>
  asked.delete(method)
  arrived.delete(method)
  return { value }
}
