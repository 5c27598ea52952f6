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
  risk: 0.93,
  horizonDays: 90,
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
  it('a repeat buyer: their rhythm, how late they are, and the chance the level is derived from', async () => {
    expect(await sentences('en', base)).toEqual([
      'Usually buys every 12 days; last seen 45 days ago.',
      'That is 3.8 times the usual gap.',
      'Chance of buying again in the next 90 days: 7%.',
    ])
    expect(await sentences('th', base)).toEqual([
      'ปกติซื้อทุก 12 วัน มาครั้งล่าสุดเมื่อ 45 วันก่อน',
      'นานกว่าปกติ 3.8 เท่า',
      'โอกาสที่จะกลับมาซื้อภายใน 90 วันข้างหน้า 7%',
    ])
  })

  it('one day is singular, a fraction keeps one decimal, and a purchase today says so', async () => {
    const churn = {
      ...base,
      usualIntervalDays: 1,
      daysSinceLast: 0,
      overdueRatio: 0,
      risk: 0.045,
      level: 'low' as const,
    }
    expect(await sentences('en', churn)).toEqual([
      'Usually buys every 1 day; last seen today.',
      'Chance of buying again in the next 90 days: 96%.',
    ])
    expect((await sentences('en', { ...churn, usualIntervalDays: 12.25 }))[0]).toBe(
      'Usually buys every 12.3 days; last seen today.',
    )
  })

  it('two purchase days: the rhythm is not known yet, and no "every 1 day" beside a late customer', async () => {
    const churn: ChurnExplanation = {
      ...base,
      kind: 'rhythm_unknown',
      purchaseDays: 2,
      usualIntervalDays: null,
      pAlive: 0.99,
      risk: 0.97,
      daysSinceLast: 372,
      overdueRatio: 372 / 20,
    }
    const en = await sentences('en', churn)
    expect(en).toEqual([
      'Bought on 2 separate days, the last 372 days ago; too few purchases to know their rhythm yet.',
      'Customers of this shop usually come back within 20 days.',
      'That is 18.6 times the usual gap.',
      'Chance of buying again in the next 90 days: 3%.',
    ])
    expect(en.join(' ')).not.toMatch(/every|still active/)
    expect((await sentences('th', churn))[0]).toBe(
      'ซื้อมาแล้ว 2 ครั้ง ครั้งล่าสุดเมื่อ 372 วันก่อน ยังซื้อน้อยเกินกว่าจะบอกได้ว่าปกติซื้อบ่อยแค่ไหน',
    )
  })

  it('never says "N times the usual gap" when the level is low', async () => {
    const churn: ChurnExplanation = { ...base, level: 'low', risk: 0.4, overdueRatio: 4 }
    expect(await sentences('en', churn)).toEqual([
      'Usually buys every 12 days; last seen 45 days ago.',
      'Chance of buying again in the next 90 days: 60%.',
    ])
  })

  it('a one-time buyer is measured against the shop', async () => {
    const churn: ChurnExplanation = {
      ...base,
      kind: 'single_purchase',
      purchaseDays: 1,
      usualIntervalDays: null,
      pAlive: 1,
      risk: 0.95,
      daysSinceLast: 284,
      shopIntervalDays: 15.6,
      overdueRatio: 284 / 15.6,
    }
    expect(await sentences('en', churn)).toEqual([
      'Bought once, 284 days ago.',
      'Customers of this shop usually come back within 15.6 days.',
      'That is 18.2 times the usual gap.',
      'Chance of buying again in the next 90 days: 5%.',
    ])
    expect(
      await sentences('en', {
        ...churn,
        shopIntervalDays: null,
        overdueRatio: null,
        risk: null,
        level: 'low',
      }),
    ).toEqual(['Bought once, 284 days ago.'])
  })
})
