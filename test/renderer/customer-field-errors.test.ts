import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { toApiError } from '../../src/main/errors'
import type { ApiError } from '../../src/shared/result'
import { createCustomer } from '../../src/main/customers/edit'
import { errorField, fieldErrorText } from '../../src/renderer/src/features/customers/i18n/fieldErrors'
import { resourcesFor } from '../../src/renderer/src/i18n/resources'
import type { Language } from '../../src/shared/api/settings'
import type { CustomerInput } from '../../src/shared/api/customers'
import { testContext } from '../helpers/db'

// The customer form's refused values as the form shows them: the real engine error, across the API's error
// shape, worded from its code and params in Thai and English (never the engine's English message).

async function t(language: Language) {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng: language,
    resources: { [language]: resourcesFor(language) },
    interpolation: { escapeValue: false },
  })
  return i18n.getFixedT(language, 'customers')
}

async function refusal(input: CustomerInput): Promise<ApiError> {
  const ctx = await testContext()
  await createCustomer(ctx.db, { name: 'Has Code', code: 'M001' }, '2026-11-30T10:00:00')
  try {
    await createCustomer(ctx.db, input, '2026-11-30T10:00:00')
  } catch (error) {
    return toApiError(error) // the shape that crosses IPC (the renderer's ApiCallError keeps its params)
  }
  throw new Error('the engine accepted a bad value')
}

describe('customer form field errors', () => {
  it.each([
    [{ name: 'A', phone: '12345' }, 'phone', '“12345” ไม่ใช่เบอร์โทรศัพท์', '“12345” is not a phone number'],
    [{ name: 'A', email: 'nope@' }, 'email', '“nope@” ไม่ใช่อีเมล', '“nope@” is not an e-mail address'],
    [{ name: 'A', lineId: 'a b' }, 'lineId', '“a b” ไม่ใช่ LINE ID', '“a b” is not a LINE ID'],
    [{ name: 'A', birthday: '2999-01-01' }, 'birthday', 'วันเกิดต้องเป็นวันที่มีจริง', 'a real date in the past'],
    [{ name: 'A', code: 'M001' }, 'code', 'รหัสสมาชิก “M001”', 'member code “M001”'],
  ] as const)('%o is worded under %s in Thai and English', async (input, field, thai, english) => {
    const error = await refusal(input)
    expect(errorField(error)).toBe(field)
    const th = fieldErrorText(error, field, await t('th'))
    const en = fieldErrorText(error, field, await t('en'))
    expect(th).toContain(thai)
    expect(en).toContain(english)
    expect(th).not.toContain(error.message)
    expect(th).not.toMatch(/is not|must|another|cannot/) // none of the engine's English
    expect(fieldErrorText(error, 'name', await t('th'))).toBeUndefined()
  })
})
