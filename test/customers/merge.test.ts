import { describe, expect, it } from 'vitest'
import { recordConsent } from '../../src/main/customers/consent'
import { findDuplicates } from '../../src/main/customers/duplicates'
import { createCustomer } from '../../src/main/customers/edit'
import { mergeCustomers, undoMerge } from '../../src/main/customers/merge'
import { matchKey } from '../../src/main/customers/names'
import { tagCustomers } from '../../src/main/customers/tags'
import { logInteraction } from '../../src/main/customers/tasks'
import { testContext } from '../helpers/db'
import { addReceipt, dumpTables, NOW } from './helpers'

const CACHES = ['customer_merges', 'customer_totals', 'customer_totals_state', 'sqlite_sequence']

async function twoOfOne() {
  const ctx = await testContext()
  const kept = await createCustomer(ctx.db, { name: 'คุณสมชาย ใจดี', phone: '0812345678', code: 'K1' }, NOW)
  const other = await createCustomer(
    ctx.db,
    {
      name: 'นายสมชาย  ใจดี่',
      email: 'somchai@example.com',
      lineId: 'somchai.j',
      code: 'O1',
      notes: 'likes latte',
    },
    NOW,
  )
  const third = await createCustomer(ctx.db, { name: 'Mr. John Smith', referredBy: other }, NOW)
  await addReceipt(ctx.db, kept, '2026-01-05T10:00:00', 10000)
  await addReceipt(ctx.db, other, '2026-02-05T10:00:00', 25000)
  await addReceipt(ctx.db, other, '2026-02-06T10:00:00', -5000, 'refund')
  await logInteraction(ctx.db, {
    customerId: other,
    channel: 'line',
    direction: 'inbound',
    occurredAt: '2026-02-07T09:00',
    summary: 'asked about beans',
    staff: 'Nok',
    followUp: { title: 'send price list', dueDate: '2026-02-08' },
  })
  await recordConsent(
    ctx.db,
    {
      customerId: other,
      purpose: 'marketing',
      granted: true,
      channel: 'line',
      noticeVersion: 'v1',
      recordedBy: 'Nok',
    },
    NOW,
  )
  await tagCustomers(ctx.db, [kept, other], 'vip')
  await tagCustomers(ctx.db, [other], 'coffee')
  const survey = await ctx.db
    .insertInto('surveys')
    .values({ name: 's' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('survey_responses')
    .values({ survey_id: survey.id, customer_id: other, responded_at: NOW, comment: 'ok' })
    .execute()
  await ctx.db
    .insertInto('merge_suggestions')
    .values({ customer_id: kept, other_customer_id: other, reason: 'name', value: 'สมชาย' })
    .execute()
  return { ctx, kept, other, third }
}

describe('duplicates and merge', () => {
  it('normalises titles, spaces and tone marks in Thai and Latin names', () => {
    expect(matchKey('คุณสมชาย ใจดี')).toBe(matchKey('นายสมชาย  ใจดี่'))
    expect(matchKey('นางสาวสมศรี มีสุข')).toBe(matchKey('สมศรี มีสุข'))
    expect(matchKey('Mr. John Smith')).toBe(matchKey('john  smith'))
    expect(matchKey('สมชาย')).not.toBe(matchKey('สมศรี'))
  })

  it('finds duplicates by the import suggestion, phone, e-mail and similar name', async () => {
    const { ctx, kept, other } = await twoOfOne()
    const a = await createCustomer(ctx.db, { name: 'Anna', phone: '0899999999' }, NOW)
    const b = await createCustomer(ctx.db, { name: 'Anne B', phone: '+66 89 999 9999' }, NOW)
    const c = await createCustomer(ctx.db, { name: 'Ms. John Smith' }, NOW)
    const found = await findDuplicates(ctx.db)
    const pairs = found.map(
      (d) => `${d.a.id}-${d.b.id}-${d.reason}-${d.suggestionId === null ? 'found' : 'import'}`,
    )
    expect(pairs).toContain(`${kept}-${other}-name-import`)
    expect(pairs).toContain(`${a}-${b}-phone-found`)
    expect(found.some((d) => d.b.id === c && d.reason === 'name')).toBe(true)
  })

  it('moves every related row to the kept customer and undo restores the exact previous state', async () => {
    const { ctx, kept, other, third } = await twoOfOne()
    const before = await dumpTables(ctx.db, CACHES)
    const mergeId = await mergeCustomers(ctx.db, kept, other, NOW)

    const count = async (
      table: 'receipts' | 'interactions' | 'tasks' | 'consents' | 'survey_responses' | 'customer_tags',
      id: number,
    ) => (await ctx.db.selectFrom(table).select('customer_id').where('customer_id', '=', id).execute()).length
    for (const table of ['receipts', 'interactions', 'tasks', 'consents', 'survey_responses'] as const) {
      expect(await count(table, other), table).toBe(0)
    }
    expect(await count('receipts', kept)).toBe(3)
    expect(await count('interactions', kept)).toBe(1)
    expect(await count('tasks', kept)).toBe(1)
    expect(await count('consents', kept)).toBe(1)
    expect(await count('survey_responses', kept)).toBe(1)
    expect(
      (
        await ctx.db
          .selectFrom('customer_tags')
          .select('tag')
          .where('customer_id', '=', kept)
          .orderBy('tag')
          .execute()
      ).map((t) => t.tag),
    ).toEqual(['coffee', 'vip'])
    const k = await ctx.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', kept)
      .executeTakeFirstOrThrow()
    expect(k.email).toBe('somchai@example.com')
    expect(k.line_id).toBe('somchai.j')
    expect(k.code).toBe('K1')
    expect(
      await ctx.db.selectFrom('customers').select('id').where('id', '=', other).executeTakeFirst(),
    ).toBeUndefined()
    expect(
      (
        await ctx.db
          .selectFrom('customers')
          .select('referred_by')
          .where('id', '=', third)
          .executeTakeFirstOrThrow()
      ).referred_by,
    ).toBe(kept)
    const record = await ctx.db
      .selectFrom('customer_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .executeTakeFirstOrThrow()
    expect([record.kept_id, record.merged_id]).toEqual([kept, other])

    await undoMerge(ctx.db, mergeId, NOW)
    expect(await dumpTables(ctx.db, CACHES)).toEqual(before)
    await expect(undoMerge(ctx.db, mergeId, NOW)).rejects.toThrow(/already undone/)
  })
})
