import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { dispatch } from '../src/main/api/dispatch'
import { launchChromium } from '../test/harness/chromium'
import { startHarness } from '../test/harness/server'

// Screenshots of every page of the app at 1366x768, Thai and English, on the demo shop (analysis run), for one
// or more built renderers side by side: OUT/<label>/<language>-<page>.png. For looking at and comparing two
// builds picture by picture (e.g. `compare -metric AE a.png b.png diff.png`), not a test.
//   npm exec -- tsx bench/renderer-pages.ts OUT LABEL=DIR [LABEL=DIR...]

const PAGES = [
  'dashboard',
  'import',
  'segments',
  'best-customers',
  'slipping-away',
  'cohorts',
  'reports',
  'settings',
  'customers',
  'surveys',
  'products',
  'retention',
  'growth',
  'campaigns',
  'backups',
]

const [out, ...builds] = process.argv.slice(2)
if (!out || builds.length === 0) throw new Error('usage: renderer-pages.ts OUT LABEL=DIR [LABEL=DIR...]')
const work = mkdtempSync('/tmp/renderer-pages-')
const demo = join(work, 'demo.db')
const context = await launchChromium(join(work, 'chromium'))
try {
  {
    const harness = await startHarness({ dbFile: demo, systemLocale: 'th-TH' })
    await dispatch('loadDemo', { seed: 20261201 }, harness.ctx)
    const started = await dispatch('startAnalysis', undefined, harness.ctx)
    if (!started.ok) throw new Error(JSON.stringify(started))
    const { jobId } = started.data as { jobId: string }
    for (;;) {
      const job = await dispatch('getJob', { jobId }, harness.ctx)
      if (!job.ok) throw new Error(JSON.stringify(job))
      const state = (job.data as { state: string }).state
      if (state !== 'queued' && state !== 'running') break
      await new Promise((ok) => setTimeout(ok, 200))
    }
    await harness.close()
  }
  for (const build of builds) {
    const [label, dir] = build.split('=')
    if (!label || !dir || !existsSync(dir)) throw new Error(`not LABEL=DIR of a built renderer: ${build}`)
    mkdirSync(join(out, label), { recursive: true })
    for (const language of ['th', 'en'] as const) {
      const file = join(work, `${label}-${language}.db`)
      copyFileSync(demo, file)
      const harness = await startHarness({ dbFile: file, systemLocale: 'th-TH', rendererDir: resolve(dir) })
      await dispatch('updateSettings', { language }, harness.ctx)
      const page = await context.newPage()
      await page.goto(harness.url)
      await page.getByRole('navigation').waitFor({ timeout: 120_000 })
      for (const path of PAGES) {
        await page.evaluate(`window.location.hash = '#/${path}'`)
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(2500) // only for the picture: charts' animations end, lazy cards draw
        await page.screenshot({ path: join(out, label, `${language}-${path}.png`) })
      }
      await page.close()
      await harness.close()
    }
  }
} finally {
  await context.close()
  rmSync(work, { recursive: true, force: true })
}
