import { describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/main/customers/edit'
import { closeRequest, logRequest, openRequests } from '../../src/main/customers/requests'
import { testContext } from '../helpers/db'
import { NOW } from './helpers'

describe('PDPA request register', () => {
  it('logs requests due in 30 days, lists the open ones with overdue marked, fulfils and refuses with a reason', async () => {
    const ctx = await testContext()
    const id = await createCustomer(ctx.db, { name: 'สมหญิง ขอข้อมูล' }, NOW)
    const old = await logRequest(ctx.db, {
      customerId: id,
      kind: 'rectification',
      receivedAt: '2026-10-01',
      channel: 'line',
      details: 'wrong birthday',
      loggedBy: 'Nok',
    })
    const fresh = await logRequest(ctx.db, { customerId: id, kind: 'objection', receivedAt: '2026-11-25' })
    const open = await openRequests(ctx.db, '2026-11-30')
    expect(open.map((r) => [r.id, r.kind, r.dueDate, r.overdue, r.customerName])).toEqual([
      [old, 'rectification', '2026-10-31', true, 'สมหญิง ขอข้อมูล'],
      [fresh, 'objection', '2026-12-25', false, 'สมหญิง ขอข้อมูล'],
    ])
    expect(open[0]?.details).toBe('wrong birthday')
    await expect(
      closeRequest(ctx.db, { requestId: fresh, outcome: 'refused', reason: '  ', by: 'owner' }, NOW),
    ).rejects.toMatchObject({ code: 'bad_input' })
    await closeRequest(
      ctx.db,
      { requestId: fresh, outcome: 'refused', reason: 'tax records', by: 'owner' },
      NOW,
    )
    await closeRequest(ctx.db, { requestId: old, outcome: 'fulfilled', by: 'owner' }, NOW)
    expect(await openRequests(ctx.db, '2026-11-30')).toEqual([])
    const rows = await ctx.db.selectFrom('subject_requests').selectAll().orderBy('id').execute()
    expect(rows.map((r) => [r.status, r.refusal_reason, r.handled_by, r.handled_at])).toEqual([
      ['fulfilled', '', 'owner', NOW],
      ['refused', 'tax records', 'owner', NOW],
    ])
    await expect(
      closeRequest(ctx.db, { requestId: old, outcome: 'fulfilled', by: 'owner' }, NOW),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      logRequest(ctx.db, { customerId: id + 50, kind: 'access', receivedAt: '2026-11-30' }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
