import type { Page } from 'playwright-core'

// The two moments the renderer figures of issue 17 are read at, the same for the bench suite
// (bench/suites/renderer.ts) and the profiling tool (bench/renderer-profile.ts): the browser's first contentful
// paint, and the first frame with the KPI cards' figure on screen ([data-testid=kpi-customers] with a digit),
// both in ms from navigation start. These functions run in the page (the bench is compiled without the DOM's
// types, hence the casts).

/** When the KPI cards showed their figure: polled every animation frame until then. */
export async function kpiCardsShownAt(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as {
        document: { querySelector(selector: string): { textContent: string | null } | null }
      }
      const card = document.querySelector('[data-testid="kpi-customers"]')
      return card && /\d/.test(card.textContent ?? '') ? performance.now() : 0
    },
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  )
  return handle.jsonValue()
}

/** The page's first contentful paint (NaN when it has painted nothing yet). */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  )
}

/**
 * Resolves once the harness has answered every API call of the pages closed before (the dashboard's later
 * cards ask for seconds of CPU at 100k customers): the next page load is measured on an idle harness, not
 * behind the previous one's calls. Two polls at zero in a row, so a call still on its way is seen.
 */
export async function harnessIdle(harness: { apiCallsInFlight(): number }): Promise<void> {
  for (let idlePolls = 0; idlePolls < 2;) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    idlePolls = harness.apiCallsInFlight() === 0 ? idlePolls + 1 : 0
  }
}
