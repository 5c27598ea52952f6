import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import { demoSummarySchema } from '../../src/shared/api/demo'
import { statsSchema } from '../../src/shared/api/system'
import type { LukkhaEvent } from '../../src/shared/events'
import { localToday } from '../../src/shared/calendar'
import { testContext } from '../helpers/db'

describe('loadDemo', () => {
  it('fills an empty database up to today, reports progress, and refuses to run twice', async () => {
    const ctx = await testContext()
    const events: LukkhaEvent[] = []
    ctx.emit = (event) => events.push(event)
    const result = await dispatch('loadDemo', { seed: 3 }, ctx)
    expect(result).toMatchObject({ ok: true, data: { seed: 3, endDate: localToday(ctx.now()) } })
    const stats = await dispatch('getStats', undefined, ctx)
    expect(stats).toMatchObject({ ok: true, data: { customers: expect.any(Number) } })
    if (!result.ok || !stats.ok) throw new Error('unreachable')
    const summary = demoSummarySchema.parse(result.data)
    expect(statsSchema.parse(stats.data)).toMatchObject({
      customers: summary.customers,
      receipts: summary.receipts,
    })

    // the demo's progress is one task's; the jobs that follow it (the analysis of the new data, the daily
    // backup) report as jobs of their own kinds
    const demo = events.filter((e) => e.type === 'progress' && e.task === 'demo')
    expect(demo.length).toBeGreaterThan(3)
    expect(new Set(demo.map((e) => e.jobId)).size).toBe(1)
    expect(events.every((e) => (e.type === 'progress' && e.task === 'demo') || e.type === 'job')).toBe(true)
    expect(demo.map((e) => e.phase)).toContain('demo.phase.saving')
    expect(await dispatch('getSettings', undefined, ctx)).toMatchObject({
      ok: true,
      data: { demo: { seed: 3, endDate: localToday(ctx.now()) } },
    })

    expect(await dispatch('loadDemo', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'demo_not_empty' },
    })
  })
})
