import type { Page } from 'playwright-core'

// The two moments the renderer figures of issue 17 are read at, the same for the bench suite
// (bench/suites/renderer.ts) and the profiling tool (bench/renderer-profile.ts): the browser's first contentful
// paint, and the first frame with the KPI cards' figure on screen ([data-testid=kpi-customers] with a digit),
// both in ms from navigation start. These functions run in the page (the bench is compiled without the DOM's
// types, hence the casts).

/**
 * Starts watching for the KPI cards in the page itself, from its first frame: call before `page.goto`. The
 * watch runs in the page every animation frame and keeps the moment the cards showed their figure; the
 * bench's Node process, which also runs the harness, reads it later. (Watching from Node, installed once
 * `goto` had returned, read late whenever the harness was busy answering the page's later cards: a run's
 * KPI figure then said 2-7 s for cards drawn at ~1 s.)
 */
export async function watchKpiCards(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const look = () => {
      const card = document.querySelector('[data-testid="kpi-customers"]')
      // found in this frame's animation callback, i.e. before the frame is painted: the moment is taken by a
      // task queued now, which runs once this frame's rendering (style, layout, paint) is done
      if (card && /\\d/.test(card.textContent ?? ''))
        setTimeout(() => (window.__lukkhaKpiShownAt = performance.now()), 0)
      else requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })()`)
}

/**
 * When the KPI cards were on screen with their figure (watchKpiCards must have been called before the page
 * loaded): no earlier than the page's first contentful paint, which a frame holding the cards is (the
 * browser reports a paint's time when the frame is presented, a little after the page's own tasks see it).
 */
export async function kpiCardsOnScreen(page: Page, fcp: number, timeoutMs: number): Promise<number> {
  const shown = await kpiCardsShownAt(page, timeoutMs)
  return Number.isNaN(fcp) ? shown : Math.max(shown, fcp)
}

/** When the page saw the KPI cards' figure painted (watchKpiCards must have been called before the page loaded). */
async function kpiCardsShownAt(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { __lukkhaKpiShownAt?: number }).__lukkhaKpiShownAt ?? 0,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  )
  return handle.jsonValue()
}

/**
 * The page's first contentful paint, waited for: the KPI cards can be in the page (read in the frame's
 * animation callback) a moment before that frame, often the first contentful one, is painted and reported.
 * NaN when the page paints nothing within `timeoutMs`.
 */
export async function firstContentfulPaint(page: Page, timeoutMs = 60_000): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    )
    return await handle.jsonValue()
  } catch {
    return Number.NaN
  }
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
