import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import { createApiContext } from '../../src/main/app-context'
import { MAX_LOGO_BYTES } from '../../src/shared/api/settings'
import { tempDir, testContext } from '../helpers/db'

// A real 1x1 PNG.
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

const ok = <T>(result: { ok: boolean; data?: T; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error?.message)
  return result.data as T
}

describe('settings', () => {
  it('follow the operating system language until the owner chooses: Thai and Buddhist era for th-TH', async () => {
    const thai = await testContext()
    expect(ok(await dispatch('getSettings', undefined, thai))).toEqual({
      shopName: '',
      shopAddress: '',
      logo: null,
      language: 'th',
      dateStyle: 'buddhist',
      demo: null,
    })
    const english = await createApiContext({
      dbFile: join(tempDir(), 'en.db'),
      appVersion: '0',
      systemLocale: 'en-US',
      now: () => new Date(),
    })
    afterEach(() => english.connection.close())
    expect(ok(await dispatch('getSettings', undefined, english))).toMatchObject({
      language: 'en',
      dateStyle: 'gregorian',
    })
  })

  it('store the shop name, address, language and date style in the database', async () => {
    const ctx = await testContext()
    const updated = ok(
      await dispatch(
        'updateSettings',
        { shopName: '  ร้านป้าแดง ', shopAddress: 'เชียงใหม่', language: 'en' },
        ctx,
      ),
    )
    expect(updated).toMatchObject({ shopName: 'ร้านป้าแดง', shopAddress: 'เชียงใหม่', language: 'en' })
    ok(await dispatch('updateSettings', { dateStyle: 'gregorian' }, ctx))
    const rows = ctx.connection.sqlite.prepare('select key, value from settings order by key').all()
    expect(rows).toEqual([
      { key: 'shop.address', value: '"เชียงใหม่"' },
      { key: 'shop.name', value: '"ร้านป้าแดง"' },
      { key: 'ui.date_style', value: '"gregorian"' },
      { key: 'ui.language', value: '"en"' },
    ])
    expect(await dispatch('updateSettings', { theme: 'dark' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('fall back to the default when a stored value cannot be read', async () => {
    const ctx = await testContext()
    ctx.connection.sqlite
      .prepare("insert into settings (key, value) values ('ui.language', 'not json')")
      .run()
    ctx.connection.sqlite.prepare("insert into settings (key, value) values ('shop.name', '42')").run()
    expect(ok(await dispatch('getSettings', undefined, ctx))).toMatchObject({ language: 'th', shopName: '' })
  })

  it('keep a PNG logo sent as bytes, and clear it', async () => {
    const ctx = await testContext()
    const withLogo = ok(await dispatch('setLogo', { dataUrl: `data:image/png;base64,${PNG_1PX}` }, ctx))
    expect(withLogo).toMatchObject({
      logo: {
        type: 'image/png',
        bytes: Buffer.from(PNG_1PX, 'base64').length,
        dataUrl: `data:image/png;base64,${PNG_1PX}`,
      },
    })
    expect(ok(await dispatch('getSettings', undefined, ctx))).toMatchObject({ logo: { type: 'image/png' } })
    expect(ok(await dispatch('clearLogo', undefined, ctx))).toMatchObject({ logo: null })
  })

  it('refuse a logo that is a path, an SVG, mislabelled or too big', async () => {
    const ctx = await testContext()
    const refused = async (dataUrl: string, message: RegExp): Promise<void> => {
      expect(await dispatch('setLogo', { dataUrl }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'bad_input', message: expect.stringMatching(message) },
      })
    }
    await refused('C:\\Users\\shop\\logo.png', /data: URL/)
    await refused(
      `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`,
      /image\/svg\+xml is not accepted/,
    )
    await refused(
      `data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`,
      /not a image\/png image/,
    )
    const big = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.alloc(MAX_LOGO_BYTES)])
    await refused(`data:image/png;base64,${big.toString('base64')}`, /limit is 512 KB/)
    expect(ok(await dispatch('getSettings', undefined, ctx))).toMatchObject({ logo: null })
  })
})
