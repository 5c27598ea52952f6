import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import { isoDateSchema } from '../../src/shared/api/dates'
import { testContext } from '../helpers/db'
import { insertSales } from '../helpers/sales'
import { RFM_SALES } from '../fixtures/rfm-sales'

// One date schema for the whole contract: an impossible day is a validation error wherever a date goes in.

describe('isoDate', () => {
  it('accepts real days and refuses impossible ones', () => {
    for (const ok of ['2026-02-28', '2024-02-29', '2026-12-31'])
      expect(isoDateSchema.safeParse(ok).success).toBe(true)
    for (const bad of ['2026-02-31', '2026-02-29', '2026-13-01', '2026-04-31', '26-02-01', '2026-2-1']) {
      expect(isoDateSchema.safeParse(bad).success).toBe(false)
    }
  })

  it('cohorts and the dashboard both answer 2026-02-31 with validation, before any engine code', async () => {
    const ctx = await testContext()
    insertSales(ctx.connection.sqlite, RFM_SALES)
    for (const [method, input] of [
      ['getCohorts', { asOf: '2026-02-31' }],
      ['getDashboard', { asOf: '2026-02-31' }],
      ['startAnalysis', { asOf: '2026-02-31' }],
    ] as const) {
      expect(await dispatch(method, input, ctx)).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringMatching(/asOf: not a calendar date/) },
      })
    }
    // and a real day goes through
    expect(await dispatch('getDashboard', { asOf: '2026-02-28' }, ctx)).toMatchObject({ ok: true })
  })

  it('the customer list, products and surveys refuse 2026-02-31 too (one schema, no local copies)', async () => {
    const ctx = await testContext()
    for (const [method, input, field] of [
      ['customersList', { lastPurchaseFrom: '2026-02-31' }, 'lastPurchaseFrom'],
      ['getProductsOverview', { from: '2026-02-31' }, 'from'],
      ['surveysAnalysis', { to: '2026-02-31' }, 'to'],
    ] as const) {
      expect(await dispatch(method, input, ctx)).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringContaining(`${field}: not a calendar date`) },
      })
    }
    await ctx.close()
  })
})
