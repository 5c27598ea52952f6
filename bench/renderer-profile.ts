import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freshTotals } from '../src/main/customers/totals'
import { storeDashboardDays } from '../src/main/dashboard/stored-days'
import { openDatabase } from '../src/main/db'
import { launchChromium } from '../test/harness/chromium'
import { startHarness } from '../test/harness/server'
import { generateSalesDb } from './generate-sales-db'
import { loadText, median } from './peers/stats'
import { firstContentfulPaint, harnessIdle, kpiCardsOnScreen, watchKpiCards } from './renderer-marks'

// Where the renderer's first screen spends its time (issue 17): opens the built renderer in the harness over a
// generated shop, alternating between one or more builds (A/B interleaved), and per run takes the page's
// main-thread CPU (Performance metrics), first contentful paint and KPI cards, and, with --profile, a V8 CPU
// profile (self time per script and function) and a devtools timeline trace (style, layout, paint, script
// evaluation per chunk) up to the moment the KPI cards show.
//
//   npm exec -- tsx bench/renderer-profile.ts [--customers N] [--runs N] [--profile] [--waterfall] [--db FILE] DIR [DIR...]
// DIR: a built renderer (out/renderer or a copy of another build's).

interface Args {
  customers: number
  runs: number
  profile: boolean
  waterfall: boolean
  db: string | undefined
  dirs: string[]
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    customers: 100_000,
    runs: 3,
    profile: false,
    waterfall: false,
    db: undefined,
    dirs: [],
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--customers') args.customers = Number(argv[++i])
    else if (a === '--runs') args.runs = Number(argv[++i])
    else if (a === '--profile') args.profile = true
    else if (a === '--waterfall') args.waterfall = true
    else if (a === '--db') args.db = argv[++i]
    else if (a) args.dirs.push(resolve(a))
  }
  if (args.dirs.length === 0) args.dirs.push(resolve('out/renderer'))
  return args
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}
interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tid: number
  pid: number
  args?: { data?: { url?: string; stackTrace?: unknown } }
}

const shortUrl = (url: string): string => url.replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+\//, '/')

function profileTops(profile: CpuProfile): { byUrl: [string, number][]; byFn: [string, number][] } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const byUrl = new Map<string, number>()
  const byFn = new Map<string, number>()
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i] ?? -1)
    if (!node) continue
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const { functionName, url, lineNumber } = node.callFrame
    const u = url ? shortUrl(url) : `(${functionName || 'anonymous'})`
    byUrl.set(u, (byUrl.get(u) ?? 0) + ms)
    const f = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber}` : ''}`
    byFn.set(f, (byFn.get(f) ?? 0) + ms)
  }
  const top = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25)
  return { byUrl: top(byUrl), byFn: top(byFn) }
}

function traceTops(events: TraceEvent[]): [string, number][] {
  // the renderer's main thread: the thread that ran the first "ParseHTML"
  const parse = events.find((e) => e.name === 'ParseHTML')
  const main = events.filter((e) => parse && e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X')
  const sum = new Map<string, number>()
  for (const e of main) {
    const url = e.args?.data?.url
    const key =
      e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name} ${shortUrl(url ?? '')}` : e.name
    sum.set(key, (sum.get(key) ?? 0) + (e.dur ?? 0) / 1000)
  }
  return [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30)
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const work = mkdtempSync('/tmp/renderer-profile-')
  const db = args.db ?? join('/tmp', `renderer-profile-${args.customers}.db`)
  if (!existsSync(db)) {
    await generateSalesDb(db, { customers: args.customers, meanLines: 4.5, seed: 20261125 })
    const prepared = openDatabase(db)
    storeDashboardDays(prepared.sqlite)
    await prepared.close()
  }
  // as the analysis run after an import leaves them (a no-op once current)
  const prepared = openDatabase(db)
  await freshTotals(prepared.db)
  await prepared.close()
  // one after another: the first one brings the database up to date (a migration and its backup) alone
  const harnesses = []
  for (const dir of args.dirs) {
    harnesses.push(await startHarness({ dbFile: db, systemLocale: 'th-TH', rendererDir: dir }))
  }
  const context = await launchChromium(join(work, 'chromium'))
  const results = args.dirs.map(() => ({ fcp: [] as number[], kpi: [] as number[], cpu: [] as number[] }))
  console.log(`load before: ${loadText()}`)
  try {
    for (let run = 0; run < args.runs; run++) {
      for (let b = 0; b < args.dirs.length; b++) {
        const harness = harnesses[b]
        const result = results[b]
        if (!harness || !result) continue
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Performance.enable')
        const events: TraceEvent[] = []
        if (args.profile) {
          await cdp.send('Profiler.enable')
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
          await cdp.send('Profiler.start')
          cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])))
          await cdp.send('Tracing.start', {
            categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline',
            transferMode: 'ReportEvents',
          })
        }
        await watchKpiCards(page)
        await page.goto(harness.url)
        const fcp = await firstContentfulPaint(page)
        const kpiAt = await kpiCardsOnScreen(page, fcp, 300_000)
        const metrics = await cdp.send('Performance.getMetrics')
        const cpu =
          (metrics.metrics.find((m: { name: string }) => m.name === 'TaskDuration')?.value ?? Number.NaN) *
          1000
        if (args.waterfall) {
          const entries = await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map(
                (e) => [e.name, e.startTime, (e as unknown as { responseEnd: number }).responseEnd] as const,
              ),
          )
          for (const [name, start, end] of entries) {
            console.log(
              `    ${start.toFixed(0).padStart(6)} -> ${end.toFixed(0).padStart(6)} ms  ${shortUrl(name)}`,
            )
          }
        }
        result.fcp.push(fcp)
        result.kpi.push(kpiAt)
        result.cpu.push(cpu)
        console.log(
          `${args.dirs[b]} run ${run + 1}: FCP ${fcp.toFixed(0)} ms, KPI ${kpiAt.toFixed(0)} ms, page main-thread CPU ${cpu.toFixed(0)} ms; load ${loadText()}`,
        )
        if (args.profile) {
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
          const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()))
          await cdp.send('Tracing.end')
          await done
          const tops = profileTops(profile)
          const out = join('/tmp', `renderer-profile-b${b}-r${run}`)
          mkdirSync(out, { recursive: true })
          writeFileSync(join(out, 'profile.cpuprofile'), JSON.stringify(profile))
          writeFileSync(join(out, 'trace.json'), JSON.stringify({ traceEvents: events }))
          console.log('  CPU profile self time by script:')
          for (const [k, v] of tops.byUrl.slice(0, 15))
            console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`)
          console.log('  CPU profile self time by function:')
          for (const [k, v] of tops.byFn.slice(0, 20)) console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`)
          console.log('  timeline (main thread, complete events, nested events counted in each):')
          for (const [k, v] of traceTops(events)) console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`)
        }
        await page.close()
        await Promise.all(harnesses.map(harnessIdle))
      }
    }
  } finally {
    await context.close()
    for (const h of harnesses) await h.close()
    rmSync(work, { recursive: true, force: true })
  }
  console.log(`load after: ${loadText()}`)
  args.dirs.forEach((dir, b) => {
    const r = results[b]
    if (!r) return
    console.log(
      `${dir}: median FCP ${median(r.fcp).toFixed(0)} ms, KPI ${median(r.kpi).toFixed(0)} ms, page CPU ${median(r.cpu).toFixed(0)} ms (runs FCP ${r.fcp.map((v) => v.toFixed(0)).join('/')}; KPI ${r.kpi.map((v) => v.toFixed(0)).join('/')}; CPU ${r.cpu.map((v) => v.toFixed(0)).join('/')})`,
    )
  })
}

await main()
