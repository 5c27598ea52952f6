import { join } from 'node:path'
import { createApiContext } from '../../src/main/app-context'
import { getDashboard } from '../../src/main/dashboard'
import { generateDemoShop } from '../../src/main/demo'
import { writeDemoShop } from '../../src/main/demo/write'
import type { Suite } from '../types'

const END = '2026-11-20'

/** The demo shop behind "Explore with a demo shop", and the dashboard over it: both are waited for in the UI. */
export const demoSuite: Suite = {
  name: 'demo',
  description: 'generate and store the demo café-bakery, then compute the dashboard over it',
  async run({ workDir }) {
    const ctx = await createApiContext({
      dbFile: join(workDir, 'demo.db'),
      appVersion: 'bench',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    try {
      let t = performance.now()
      const shop = await generateDemoShop({ seed: 2567, endDate: END })
      const generateMs = performance.now() - t
      t = performance.now()
      const summary = writeDemoShop(ctx.connection.sqlite, shop)
      const writeMs = performance.now() - t
      const runs: number[] = []
      for (let i = 0; i < 5; i++) {
        t = performance.now()
        await getDashboard(ctx.db, END, END)
        runs.push(performance.now() - t)
      }
      runs.sort((a, b) => a - b)
      return {
        suite: 'demo',
        figures: [
          { name: 'generate', value: Math.round(generateMs), unit: 'ms' },
          { name: 'write (one transaction)', value: Math.round(writeMs), unit: 'ms' },
          { name: 'receipts', value: summary.receipts, unit: 'rows' },
          { name: 'receipt lines', value: summary.lines, unit: 'rows' },
          { name: 'dashboard (median of 5)', value: Math.round((runs[2] ?? 0) * 10) / 10, unit: 'ms' },
        ],
      }
    } finally {
      await ctx.connection.close()
    }
  },
}
