import { afterEach, describe, expect, it, vi } from 'vitest'
import { handlers } from '../../src/main/api'
import { dispatch } from '../../src/main/api/dispatch'
import { testContext } from '../helpers/db'

afterEach(() => vi.restoreAllMocks())

describe('dispatch', () => {
  it('runs a valid call against the real database', async () => {
    const ctx = await testContext()
    ctx.connection.sqlite.prepare("insert into customers (name) values ('สมชาย ใจดี')").run()
    expect(await dispatch('getStats', undefined, ctx)).toEqual({
      ok: true,
      data: { customers: 1, receipts: 0, lines: 0, products: 0 },
    })
  })

  it('rejects an invalid argument with a validation error before the handler runs', async () => {
    const ctx = await testContext()
    const spy = vi.spyOn(handlers, 'getStats')
    const result = await dispatch('getStats', { drop: 'tables' }, ctx)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(spy).not.toHaveBeenCalled()
  })

  it('rejects an unknown method', async () => {
    const ctx = await testContext()
    expect(await dispatch('readFile', '/etc/passwd', ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/Unknown API method/) },
    })
    expect(await dispatch('__proto__', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('turns an engine failure into an error result instead of throwing', async () => {
    const ctx = await testContext()
    await ctx.connection.close()
    const result = await dispatch('getStats', undefined, ctx)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
