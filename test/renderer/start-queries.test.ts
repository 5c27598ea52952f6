import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'

// The first screen's questions (health, settings, stats, and the dashboard's KPI cards when the window opens
// on the dashboard) go out together at start, not one gate after another, and land in the cache under the keys
// the gates and the dashboard read.

// The renderer's modules are typed against the DOM (tsconfig.web.json), so this Node test loads them by a
// path TypeScript does not follow, and names the little it uses.
type Keys = Record<string, ((...args: never[]) => readonly unknown[]) | undefined>
const renderer = (path: string): Promise<Record<string, unknown>> =>
  import(/* @vite-ignore */ `../../src/renderer/src/${path}`) as Promise<Record<string, unknown>>

const original = (globalThis as { window?: unknown }).window
afterEach(() => {
  ;(globalThis as { window?: unknown }).window = original
})

/** A window.lukkha whose answers wait until released; `asked` lists the calls made, `inputs` their inputs. */
function heldApi(hash: string) {
  const asked: string[] = []
  const inputs: Record<string, unknown> = {}
  const release: (() => void)[] = []
  const answer = (method: string, data: unknown) => (input: unknown) => {
    asked.push(method)
    inputs[method] = input
    return new Promise((resolve) => release.push(() => resolve({ ok: true, data })))
  }
  ;(globalThis as { window?: unknown }).window = {
    location: { hash },
    lukkha: {
      getHealth: answer('getHealth', { status: 'ok' }),
      getSettings: answer('getSettings', { language: 'th' }),
      getStats: answer('getStats', { customers: 1, receipts: 2, lines: 3, products: 4 }),
      getDashboardKpis: answer('getDashboardKpis', { customers: 1 }),
    },
  }
  return { asked, inputs, releaseAll: () => release.forEach((r) => r()) }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

async function start(): Promise<QueryClient> {
  const { askStartQuestions } = (await renderer('app/startQueries')) as {
    askStartQuestions: (client: QueryClient) => void
  }
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  askStartQuestions(client)
  await tick()
  return client
}

const keys = (path: string, name: string) => renderer(path).then((m) => m[name] as Keys)

describe('start questions', () => {
  it('asks health, settings, stats and the KPI cards at once and caches the answers under the readers’ keys', async () => {
    const api = heldApi('')
    const client = await start()
    // all four are in flight before any has an answer
    expect(api.asked.sort()).toEqual(['getDashboardKpis', 'getHealth', 'getSettings', 'getStats'])
    expect(api.inputs.getDashboardKpis).toEqual({}) // the default day, as the dashboard asks without ?asOf
    api.releaseAll()
    await tick()
    const backupKeys = await keys('features/backup/queries', 'backupKeys')
    const settingsKeys = await keys('features/settings/queries', 'settingsKeys')
    const systemKeys = await keys('api/system', 'systemKeys')
    const dashboardKeys = await keys('features/dashboard/queries', 'dashboardKeys')
    expect(client.getQueryData(backupKeys.health?.() ?? [])).toEqual({ status: 'ok' })
    expect(client.getQueryData(settingsKeys.current?.() ?? [])).toEqual({ language: 'th' })
    expect(client.getQueryData(systemKeys.stats?.() ?? [])).toMatchObject({ customers: 1, receipts: 2 })
    const kpis = dashboardKeys.kpis as ((asOf: string | null) => readonly unknown[]) | undefined
    expect(client.getQueryData(kpis?.(null) ?? [])).toEqual({ customers: 1 })
  })

  it('asks for the KPI cards only when the window opens on the dashboard at its default day', async () => {
    for (const hash of ['#/customers', '#/dashboard?asOf=2026-05-01', '#/welcome']) {
      const api = heldApi(hash)
      await start()
      expect(api.asked.sort(), hash).toEqual(['getHealth', 'getSettings', 'getStats'])
      api.releaseAll()
    }
    const api = heldApi('#/dashboard')
    await start()
    expect(api.asked).toContain('getDashboardKpis')
    api.releaseAll()
  })
})
