import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { ChurnExplanation } from '../../src/shared/api/analysis'
import type { Language } from '../../src/shared/api/settings'
import { churnSentences } from '../../src/renderer/src/features/analysis/i18n/churn'
import { resourcesFor } from '../../src/renderer/src/i18n/resources'

// The churn explanation as the customer drawer phrases it from the engine's structured facts, with the real
// Thai and English text; numbers formatted here as the app's format hook does (en-GB, th-TH).

const LOCALE: Record<Language, string> = { th: 'th-TH', en: 'en-GB' }

function format(language: Language) {
  return {
    number: (value: number, digits = 0) =>
      new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value),
    percent: (ratio: number) => new Intl.NumberFormat(LOCALE[language], { style: 'percent' }).format(ratio),
  }
}

async function sentences(language: Language, churn: ChurnExplanation): Promise<string[]> {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng: language,
    resources: { [language]: resourcesFor(language) },
    interpolation: { escapeValue: false },
  })
  return churnSentences(i18n.getFixedT(language, 'analysis'), format(language), churn)
}

const base: ChurnExplanation = {
  level: 'high',
  risk: 0.8,
  pAlive: 0.2,
  kind: 'rhythm',
  purchaseDays: 6,
  usualIntervalDays: 12,
  daysSinceLast: 45,
  lastPurchase: '2026-10-11',
  shopIntervalDays: 20,
  overdueRatio: 3.75,
  text: { th: '', en: '' },
}

describe('churn explanation', () => {
  it('a repeat buyer: their rhythm, how late they are, and the chance they are still a customer', async () => {
    expect(await sentences('en', base)).toEqual([
      'Usually buys every 12 days; last seen 45 days ago.',
      'That is 3.8 times the usual gap.',
      'Chance still active: 20%.',
    ])
    expect(await sentences('th', base)).toEqual([
      'ปกติซื้อทุก 12 วัน มาครั้งล่าสุดเมื่อ 45 วันก่อน',
      'นานกว่าปกติ 3.8 เท่า',
      'โอกาสที่ยังเป็นลูกค้าอยู่ 20%',
    ])
  })

  it('one day is singular, a fraction keeps one decimal, and a purchase today says so', async () => {
    const churn = {
      ...base,
      usualIntervalDays: 1,
      daysSinceLast: 0,
      overdueRatio: 0,
      pAlive: 0.955,
      level: 'low' as const,
    }
    expect(await sentences('en', churn)).toEqual([
      'Usually buys every 1 day; last seen today.',
      'Chance still active: 96%.',
    ])
    expect((await sentences('en', { ...churn, usualIntervalDays: 12.25 }))[0]).toBe(
      'Usually buys every 12.3 days; last seen today.',
    )
  })

  it('a one-time buyer is measured against the shop, and the model chance (always 100 %) is left out', async () => {
    const churn: ChurnExplanation = {
      ...base,
      kind: 'single_purchase',
      purchaseDays: 1,
      usualIntervalDays: null,
      pAlive: 1,
      risk: 0,
      daysSinceLast: 284,
      shopIntervalDays: 15.6,
      overdueRatio: 284 / 15.6,
    }
    expect(await sentences('en', churn)).toEqual([
      'Bought once, 284 days ago.',
      'Customers of this shop usually come back within 15.6 days.',
      'That is 18.2 times the usual gap.',
    ])
    expect(await sentences('en', { ...churn, shopIntervalDays: null, overdueRatio: null })).toEqual([
      'Bought once, 284 days ago.',
    ])
  })
})
