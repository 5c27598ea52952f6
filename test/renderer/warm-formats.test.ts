import { afterEach, describe, expect, it, vi } from 'vitest'

// The entry builds the first frame's date formatters when the settings answer arrives (app/warmFormats.ts,
// called from earlyCalls.ts), so the dashboard's render finds them built: the cache is the one the screens'
// formatting uses (src/shared/format/dates.ts). Counted by wrapping Intl.DateTimeFormat before the modules load.

const renderer = (path: string): Promise<Record<string, unknown>> =>
  import(/* @vite-ignore */ `../../src/renderer/src/${path}`) as Promise<Record<string, unknown>>

const RealDateTimeFormat = Intl.DateTimeFormat
const original = (globalThis as { window?: unknown }).window
afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat
  ;(globalThis as { window?: unknown }).window = original
  vi.resetModules()
})

function countBuilds(): { built: string[] } {
  const counter = { built: [] as string[] }
  class Counting extends RealDateTimeFormat {
    constructor(locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      super(locale, options)
      counter.built.push(String(locale))
    }
  }
  Intl.DateTimeFormat = Counting as typeof Intl.DateTimeFormat
  return counter
}

describe('warming the first frame’s formatters', () => {
  it('builds, when the entry gets the settings, the formatters the dashboard then uses', async () => {
    vi.resetModules()
    const counter = countBuilds()
    ;(globalThis as { window?: unknown }).window = {
      lukkha: {
        getHealth: () => Promise.resolve({ ok: true, data: { status: 'ok' } }),
        getSettings: () => Promise.resolve({ ok: true, data: { language: 'th', dateStyle: 'buddhist' } }),
        getShopStatus: () => Promise.resolve({ ok: true, data: { empty: false } }),
      },
    }
    const { askEarly } = (await renderer('app/earlyCalls')) as { askEarly: (hash: string) => void }
    askEarly('#/customers')
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(counter.built).toEqual(['th-TH-u-ca-buddhist', 'th-TH-u-ca-buddhist'])

    const dates = await import('../../src/shared/format/dates')
    expect(dates.formatDate('2026-11-20', 'th', 'buddhist')).toBe('20 พ.ย. 2569')
    expect(dates.formatMonthLong('2026-12', 'th', 'buddhist')).toBe('ธันวาคม 2569')
    expect(counter.built).toHaveLength(2) // nothing built again
    dates.formatDate('2026-11-20', 'en', 'gregorian')
    expect(counter.built).toHaveLength(3) // another language is built on first use, as before
  })
})
