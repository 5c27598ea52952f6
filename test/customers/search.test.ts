import { describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/main/customers/edit'
import { searchCustomers } from '../../src/main/customers/search'
import { listCustomers } from '../../src/main/customers/list'
import { testContext } from '../helpers/db'
import { NOW } from './helpers'

async function book() {
  const ctx = await testContext()
  const somchai = await createCustomer(
    ctx.db,
    { name: 'สมชาย ใจดี', phone: '081-234-5678', code: 'M001' },
    NOW,
  )
  const smith = await createCustomer(ctx.db, { name: 'John SMITH', email: 'John.Smith@Example.com' }, NOW)
  const somsri = await createCustomer(ctx.db, { name: 'สมศรี มีสุข', phone: '02-123-4567' }, NOW)
  return { ctx, somchai, smith, somsri }
}

describe('customer search', () => {
  it('finds Thai substrings of "สมชาย ใจดี"', async () => {
    const { ctx, somchai, somsri } = await book()
    for (const part of ['ชาย', 'สมชาย', 'ใจดี', 'มชาย ใจ', 'ใจดี สมชาย']) {
      const ids = (await searchCustomers(ctx.db, part)).map((h) => h.id)
      expect(ids, part).toEqual([somchai])
    }
    // two characters are below the trigram index: the LIKE path still finds both สม... customers
    expect((await searchCustomers(ctx.db, 'สม')).map((h) => h.id).sort()).toEqual([somchai, somsri].sort())
  })

  it('finds Latin substrings case-insensitively, and e-mails', async () => {
    const { ctx, smith } = await book()
    for (const part of ['smith', 'SMI', 'ohn sm', 'jo', 'example.com', 'john.smith@']) {
      expect(
        (await searchCustomers(ctx.db, part)).map((h) => h.id),
        part,
      ).toEqual([smith])
    }
  })

  it('finds phones typed in every format', async () => {
    const { ctx, somchai, somsri } = await book()
    for (const typed of [
      '081-234-5678',
      '0812345678',
      '+66 81 234 5678',
      '+66812345678',
      '234-5678',
      '5678',
    ]) {
      expect(
        (await searchCustomers(ctx.db, typed)).map((h) => h.id),
        typed,
      ).toEqual([somchai])
    }
    expect((await searchCustomers(ctx.db, '02 123 4567')).map((h) => h.id)).toEqual([somsri])
  })

  it('puts the exact member code first and follows edits', async () => {
    const { ctx, somchai } = await book()
    expect((await searchCustomers(ctx.db, 'M001'))[0]?.id).toBe(somchai)
    await ctx.db.updateTable('customers').set({ name: 'สมชาย ใจงาม' }).where('id', '=', somchai).execute()
    expect(await searchCustomers(ctx.db, 'ใจดี')).toEqual([])
    expect((await searchCustomers(ctx.db, 'ใจงาม')).map((h) => h.id)).toEqual([somchai])
  })

  it('lists with search, filters and sort', async () => {
    const { ctx, somchai, somsri, smith } = await book()
    const all = await listCustomers(ctx.db, { sort: 'name', direction: 'asc' })
    expect(all.total).toBe(3)
    expect(all.rows.map((r) => r.id)).toEqual([smith, somchai, somsri])
    const found = await listCustomers(ctx.db, { search: '0812345678' })
    expect(found.rows.map((r) => r.id)).toEqual([somchai])
    expect(found.total).toBe(1)
  })
})
