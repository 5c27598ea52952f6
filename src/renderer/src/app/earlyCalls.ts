import type { Output } from '../../../shared/api'
import { call } from '../api/client'

// The first screen's API calls, made by the entry script the moment it runs: while the app's code (React,
// Mantine, the router, the pages) loads and compiles, the main process is already answering. App hands the
// answers to the queries that read them (startQueries.ts), so nothing is asked twice.

/** The page the window opened on: '' at start (the dashboard, or the welcome screen on an empty database). */
export function startPath(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
}

/** True when the window opens on the dashboard at its default day (no ?asOf chosen). */
export function opensOnDashboard(): boolean {
  const path = startPath()
  return (path === '' || path === 'dashboard') && !window.location.hash.includes('asOf=')
}

export interface EarlyCalls {
  health: Promise<Output<'getHealth'>>
  settings: Promise<Output<'getSettings'>>
  stats: Promise<Output<'getStats'>>
  /** The dashboard's KPI cards at the default day, when the window opens on the dashboard. */
  kpis: Promise<Output<'getDashboardKpis'>> | null
}

/** An answer nobody reads yet must not count as an unhandled rejection; the query that reads it sees the error. */
function held<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

export function askEarlyCalls(): EarlyCalls {
  return {
    health: held(call('getHealth')),
    settings: held(call('getSettings')),
    stats: held(call('getStats')),
    kpis: opensOnDashboard() ? held(call('getDashboardKpis', {})) : null,
  }
}
