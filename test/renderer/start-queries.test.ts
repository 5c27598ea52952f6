import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'

// The first screen's three questions (health, settings, is the shop empty) go out together at start, not one gate after
// another, and land in the cache under the keys the gates read.

// The renderer's modules are typed against the DOM (tsconfig.web.json), so this Node test loads them by a
// path TypeScript does not follow, and names the little it uses.
type Keys = Record<string, (() => readonly unknown[]) | undefined>
const renderer = (path: string): Promise<Record<string, unknown>> =>
  import(/* @vite-ignore */ `../../src/renderer/src/${path}`) as Promise<Record<string, unknown>>

const original = (globalThis as { window?: unknown }).window
afterEach(() => {
  ;(globalThis as { window?: unknown }).window = original
})

describe('start questions', () => {
  it('asks health, settings and the shop status at once and caches the answers under the gates’ keys', async () => {
    const asked: string[] = []
    const release: (() => void)[] = []
    const answer = (method: string, data: unknown) => () => {
      asked.push(method)
      return new Promise((resolve) => release.push(() => resolve({ ok: true, data })))
    }
    ;(globalThis as { window?: unknown }).window = {
      lukkha: {
        getHealth: answer('getHealth', { status: 'ok' }),
        getSettings: answer('getSettings', { language: 'th' }),
        getShopStatus: answer('getShopStatus', { empty: false }),
      },
    }
    const { askStartQuestions } = (await renderer('app/startQueries')) as {
      askStartQuestions: (client: QueryClient) => void
    }
    const keys = (path: string, name: string) => renderer(path).then((m) => m[name] as Keys)
    const backupKeys = await keys('features/backup/queries', 'backupKeys')
    const settingsKeys = await keys('features/settings/queries', 'settingsKeys')
    const systemKeys = await keys('api/system', 'systemKeys')
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    askStartQuestions(client)
    await new Promise((resolve) => setTimeout(resolve, 0))
    // all three are in flight before any has an answer
    expect(asked.sort()).toEqual(['getHealth', 'getSettings', 'getShopStatus'])
    for (const r of release) r()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(client.getQueryData(backupKeys.health?.() ?? [])).toEqual({ status: 'ok' })
    expect(client.getQueryData(settingsKeys.current?.() ?? [])).toEqual({ language: 'th' })
    expect(client.getQueryData(systemKeys.shopStatus?.() ?? [])).toEqual({ empty: false })
  })

  // The entry script asks the same questions (and the dashboard's KPIs when the window opens on it) before
  // the app's code has run; the start takes those answers once instead of asking again.
  async function earlyStart(hash: string, status: { empty: boolean }, arrivedFirst = false) {
    const asked: string[] = []
    const answer = (method: string, data: unknown) => () => {
      asked.push(method)
      return Promise.resolve({ ok: true, data })
    }
    ;(globalThis as { window?: unknown }).window = {
      lukkha: {
        getHealth: answer('getHealth', { status: 'ok' }),
        getSettings: answer('getSettings', { language: 'en' }),
        getShopStatus: answer('getShopStatus', status),
        getDashboardKpis: answer('getDashboardKpis', { customers: 7 }),
      },
    }
    const { askEarly } = (await renderer('app/earlyCalls')) as { askEarly: (hash: string) => void }
    const { askStartQuestions } = (await renderer('app/startQueries')) as {
      askStartQuestions: (client: QueryClient) => void
    }
    const dashboardKeys = (await renderer('features/dashboard/queries')).dashboardKeys as {
      kpis: (asOf: string | null) => readonly unknown[]
    }
    const systemKeys = (await renderer('api/system')).systemKeys as Keys
    askEarly(hash)
    const early = [...asked]
    // the answers arrive before the app's code has run (the usual order), or after
    if (arrivedFirst) await new Promise((resolve) => setTimeout(resolve, 0))
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    askStartQuestions(client)
    // what the app's first render (right after askStartQuestions, before any answer is awaited) finds
    const atFirstRender = {
      shopStatus: client.getQueryData(systemKeys.shopStatus?.() ?? []),
      kpis: client.getQueryData(dashboardKeys.kpis(null)),
    }
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
    return { early, asked, client, atFirstRender, kpis: client.getQueryData(dashboardKeys.kpis(null)) }
  }

  it('takes the early answers once, with the KPIs under the dashboard’s key when the shop has data', async () => {
    const run = await earlyStart('', { empty: false })
    expect(run.early.sort()).toEqual(['getDashboardKpis', 'getHealth', 'getSettings', 'getShopStatus'])
    expect(run.asked).toHaveLength(4) // nothing asked twice
    expect(run.kpis).toEqual({ customers: 7 })
    const settingsKeys = (await renderer('features/settings/queries')).settingsKeys as Keys
    expect(run.client.getQueryData(settingsKeys.current?.() ?? [])).toEqual({ language: 'en' })
  })

  it('drops the early KPIs of an empty shop, so a dashboard after an import asks again', async () => {
    const run = await earlyStart('#/dashboard', { empty: true })
    expect(run.early).toContain('getDashboardKpis')
    expect(run.kpis).toBeUndefined()
  })

  it('puts the answers that arrived before the app ran in the cache for its first render', async () => {
    const run = await earlyStart('', { empty: false }, true)
    expect(run.atFirstRender).toEqual({ shopStatus: { empty: false }, kpis: { customers: 7 } })
    expect(run.asked).toHaveLength(4) // nothing asked twice
    const later = await earlyStart('', { empty: false })
    expect(later.atFirstRender).toEqual({ shopStatus: undefined, kpis: undefined }) // still on their way
    expect(later.kpis).toEqual({ customers: 7 })
  })

  it('drops arrived KPIs of an empty shop before the first render', async () => {
    const run = await earlyStart('', { empty: true }, true)
    expect(run.atFirstRender).toEqual({ shopStatus: { empty: true }, kpis: undefined })
    expect(run.kpis).toBeUndefined()
  })

  it('asks no KPIs early when the window opens on another page', async () => {
    const run = await earlyStart('#/customers', { empty: false })
    expect(run.early.sort()).toEqual(['getHealth', 'getSettings', 'getShopStatus'])
    expect(run.kpis).toBeUndefined()
  })

  it('opens where the start redirect would lead when the shop status arrived before the app ran', async () => {
    const { skipStartRedirect } = (await renderer('app/startQueries')) as {
      skipStartRedirect: (client: QueryClient) => void
    }
    const systemKeys = (await renderer('api/system')).systemKeys as Keys
    const opened = (hash: string, status: { empty: boolean } | undefined): string[] => {
      const replaced: string[] = []
      ;(globalThis as { window?: unknown }).window = {
        location: { hash },
        history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
      }
      const client = new QueryClient()
      if (status) client.setQueryData(systemKeys.shopStatus?.() ?? [], status)
      skipStartRedirect(client)
      return replaced
    }
    expect(opened('', { empty: false })).toEqual(['#/dashboard'])
    expect(opened('#/', { empty: true })).toEqual(['#/welcome'])
    expect(opened('#/', undefined)).toEqual([]) // not arrived: StartRedirect decides
    expect(opened('#/customers', { empty: false })).toEqual([]) // opened on a page: stays there
  })
})
