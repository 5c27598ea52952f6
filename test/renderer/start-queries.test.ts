import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'

// The first screen's three questions (health, settings, stats) go out together at start, not one gate after
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
  it('asks health, settings and stats at once and caches the answers under the gates’ keys', async () => {
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
        getStats: answer('getStats', { customers: 1, receipts: 2, lines: 3, products: 4 }),
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
    expect(asked.sort()).toEqual(['getHealth', 'getSettings', 'getStats'])
    for (const r of release) r()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(client.getQueryData(backupKeys.health?.() ?? [])).toEqual({ status: 'ok' })
    expect(client.getQueryData(settingsKeys.current?.() ?? [])).toEqual({ language: 'th' })
    expect(client.getQueryData(systemKeys.stats?.() ?? [])).toMatchObject({ customers: 1, receipts: 2 })
  })
})
