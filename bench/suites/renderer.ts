import { mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { freshTotals } from '../../src/main/customers/totals'
import { storeDashboardDays } from '../../src/main/dashboard/stored-days'
import { openDatabase } from '../../src/main/db'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/harness/chromium'
import { RENDERER_DIR, startHarness, type Harness } from '../../test/harness/server'
import { generateSalesDb } from '../generate-sales-db'
import { loadText, median, round } from '../peers/stats'
import { atMost, type Figure, type Suite } from '../types'

// Issue 17: the renderer as the shop owner meets it. The built renderer in the harness (real API handlers in
// Node) over a generated shop of 100k customers (10k with --quick), opened in Debian's Chromium through
// playwright-core, three times in fresh pages: first contentful paint (the browser's own paint timing) and the
// moment the KPI cards are on screen (the first [data-testid=kpi-customers] with its figure), both from
// navigation start; medians of 3. The stored dashboard days and the customer totals are built first, as the
// analysis run after an import leaves them. Each run also names what the screen waited for (when the entry script, the start
// answers and the KPI answer arrived) and the CPU it took (the page's main thread by Chromium's own count,
// the harness's API work in this process).
//
// A/B: LUKKHA_BENCH_RENDERER_BASELINE=<another build's out/renderer> runs that build in turn with this one
// (base, this, base, this, ...) on the same database and browser, and prints its medians beside.

const RUNS = 3

interface Run {
  fcp: number
  kpi: number
  /** ms from navigation start, per step of the first screen (resource timing of the page) */
  steps: Record<string, number>
  /** the page's main thread: script and all tasks (Chromium's Performance.getMetrics), ms */
  pageScriptMs: number
  pageTaskMs: number
  /** this process (the harness: files and API answers) during the run, ms */
  harnessCpuMs: number
}

// these functions run in the page (the bench is compiled without the DOM's types, hence the casts)
function kpiOnScreen(): number {
  const { document } = globalThis as unknown as {
    document: { querySelector(selector: string): { textContent: string | null } | null }
  }
  const card = document.querySelector('[data-testid="kpi-customers"]')
  return card && /\d/.test(card.textContent ?? '') ? performance.now() : 0
}

function pageTimings(): { fcp: number; steps: Record<string, number> } {
  const steps: Record<string, number> = {}
  for (const entry of performance.getEntriesByType('resource') as unknown as {
    name: string
    responseEnd: number
  }[]) {
    const name = new URL(entry.name).pathname
    const api = /\/api\/(\w+)$/.exec(name)?.[1]
    const script = /\/assets\/(index|start|texts-en|texts-th)-[\w-]+\.js$/.exec(name)?.[1]
    const key = api ? `api ${api}` : script ? `script ${script}` : null
    if (key && !(key in steps)) steps[key] = Math.round(entry.responseEnd)
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
  return { fcp, steps }
}

async function measure(context: BrowserContext, harness: Harness): Promise<Run> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const before = process.cpuUsage()
  await page.goto(harness.url, { waitUntil: 'commit', timeout: 120_000 })
  const kpi = await page
    .waitForFunction(kpiOnScreen, undefined, { timeout: 120_000, polling: 'raf' })
    .then((handle) => handle.jsonValue())
  const used = process.cpuUsage(before)
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  // the rest of the dashboard (charts, retention cards) is left to finish, so the next run starts on an
  // idle harness and its first screen does not wait behind this one's slow cards; its timings are then read
  await settled(harness)
  const { fcp, steps } = await page.evaluate(pageTimings)
  await page.close()
  return {
    fcp,
    kpi,
    steps,
    pageScriptMs: metric('ScriptDuration'),
    pageTaskMs: metric('TaskDuration'),
    harnessCpuMs: (used.user + used.system) / 1000,
  }
}

/** Resolves once no API call has been in flight for 1.5 s (the page has asked all it will ask). */
async function settled(harness: Harness): Promise<void> {
  let idleSince = performance.now()
  while (performance.now() - idleSince < 1500) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (harness.apiCallsInFlight() > 0) idleSince = performance.now()
  }
}

const medianOf = (runs: Run[], pick: (run: Run) => number): number => median(runs.map(pick))

function describeRuns(label: string, runs: Run[]): string[] {
  const list = (pick: (run: Run) => number): string => runs.map((r) => pick(r).toFixed(0)).join(', ')
  const stepNames = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))]
  const steps = stepNames
    .map((name) => `${name} ${median(runs.map((r) => r.steps[name] ?? Number.NaN)).toFixed(0)}`)
    .sort((a, b) => Number(a.split(' ').pop()) - Number(b.split(' ').pop()))
  return [
    `${label} runs (ms from navigation start): FCP ${list((r) => r.fcp)}; KPI cards ${list((r) => r.kpi)}`,
    `${label} CPU, medians: page main thread ${medianOf(runs, (r) => r.pageTaskMs).toFixed(0)} ms (script ${medianOf(runs, (r) => r.pageScriptMs).toFixed(0)} ms), harness (files + API) ${medianOf(runs, (r) => r.harnessCpuMs).toFixed(0)} ms`,
    `${label} what the first screen waited for (median ms from navigation start, when each arrived): ${steps.join('; ')}`,
  ]
}

export const rendererSuite: Suite = {
  name: 'renderer',
  description: `first contentful paint and KPI cards in Chromium through the harness (median of ${RUNS})`,
  async run({ quick, workDir }) {
    const customers = quick ? 10_000 : 100_000
    const label = quick ? '10k' : '100k'
    const baseline = process.env.LUKKHA_BENCH_RENDERER_BASELINE
    const file = join(workDir, 'shop.db')
    await generateSalesDb(file, { customers, meanLines: 4.5, seed: 20261125 })
    const prepared = openDatabase(file)
    const storeStart = performance.now()
    storeDashboardDays(prepared.sqlite)
    await freshTotals(prepared.db)
    const storeSeconds = (performance.now() - storeStart) / 1000
    await prepared.close()
    const loadBefore = loadText()
    const harness = await startHarness({ dbFile: file, systemLocale: 'th-TH' })
    const profile = mkdtempSync(join(workDir, 'chromium-'))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1366, height: 768 },
      args: CHROMIUM_ARGS,
    })
    const runs: Run[] = []
    const baseRuns: Run[] = []
    try {
      for (let i = 0; i < RUNS; i++) {
        if (baseline) {
          harness.serveRenderer(resolve(baseline))
          baseRuns.push(await measure(context, harness))
          harness.serveRenderer(RENDERER_DIR)
        }
        runs.push(await measure(context, harness))
      }
    } finally {
      await context.close()
      await harness.close()
      rmSync(profile, { recursive: true, force: true })
    }
    const fcpMs = round(
      medianOf(runs, (r) => r.fcp),
      0,
    )
    const kpiMs = round(
      medianOf(runs, (r) => r.kpi),
      0,
    )
    const figures: Figure[] = [
      {
        name: `first contentful paint ${label}`,
        value: fcpMs,
        unit: 'ms',
        ...(quick ? {} : atMost(fcpMs, 400)),
      },
      {
        name: `KPI cards on screen ${label}`,
        value: kpiMs,
        unit: 'ms',
        ...(quick ? {} : atMost(kpiMs, 800)),
      },
    ]
    if (baseline) {
      figures.push(
        {
          name: `  baseline build: first contentful paint ${label}`,
          value: round(
            medianOf(baseRuns, (r) => r.fcp),
            0,
          ),
          unit: 'ms',
        },
        {
          name: `  baseline build: KPI cards on screen ${label}`,
          value: round(
            medianOf(baseRuns, (r) => r.kpi),
            0,
          ),
          unit: 'ms',
        },
      )
    }
    const notes = [
      `load average (1/5/15 min) before: ${loadBefore}; after: ${loadText()}`,
      ...describeRuns('this build', runs),
      ...(baseline
        ? [`baseline build: ${baseline} (run in turn with this one)`, ...describeRuns('baseline', baseRuns)]
        : []),
      `stored dashboard days and customer totals built in ${storeSeconds.toFixed(2)} s before the runs (the analysis run after an import leaves both current)`,
      'each run waits until the page has no API call left in flight before the next starts (the retention cards take seconds here)',
      'no peer: the figures are absolute targets of the issue',
    ]
    return { suite: 'renderer', figures, notes }
  },
}
