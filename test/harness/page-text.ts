import type { Page } from 'playwright-core'

// Checks on what a person sees: the UI text (labels, buttons, headings, aria labels) apart from the
// shop's own data, which components mark with data-untranslated; and that Thai is drawn in Sarabun.

/** Thai letters, vowels and marks; not the baht sign ฿ (U+0E3F), which English uses too. */
export const THAI = /[\u0E01-\u0E3A\u0E40-\u0E5B]/

// The in-page parts are plain JavaScript strings: this file is type-checked for Node, without the DOM types.

// Text marked as the shop's data is skipped, except what cannot be the shop's data: an internal field key
// (receipt_number, net_amount:) or an English sentence, which only Lukkha itself writes. Those are returned
// too, so the language checks catch a key or an engine message shown as if it were data.
const VISIBLE_UI_TEXT = `(() => {
  const texts = []
  const looksLikeUi = (text) =>
    // a key as a label (net_amount:); a bare LINE id such as somsak_725 is the customer's own
    /(^|\\s)[a-z]+(_[a-z]+)+:/.test(text) ||
    ((text.match(/[A-Za-z]{2,}/g) || []).length >= 4 &&
      /\\b(the|is|are|was|not|of|to|for|with|this|that|has|have|be|must|cannot|should)\\b/i.test(text))
  const visible = (el) => el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
  const data = (el) => el && el.closest('[data-untranslated]') !== null
  // Hidden helpers (e.g. the textarea autosize measures with) are not seen by anyone, and what a textarea
  // holds is the user's own text.
  const skip = (el) =>
    !el ||
    el.closest('[data-untranslated], [aria-hidden="true"], textarea') !== null ||
    !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim()
    if (!text) continue
    if (!skip(node.parentElement)) texts.push(text)
    else if (data(node.parentElement) && visible(node.parentElement) && looksLikeUi(text)) texts.push(text)
  }
  for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
    if (skip(el)) continue
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = (el.getAttribute(name) || '').trim()
      if (value) texts.push(value)
    }
  }
  return texts
})()`

/** Every visible piece of UI text on the page, including aria-label, placeholder, title and alt. */
export function visibleUiText(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_UI_TEXT)
}

/** Latin words that stay as they are in the Thai UI: names of products, formats and the app. */
export const LATIN_IN_THAI = new Set([
  'Lukkha',
  'POS',
  'CSV',
  'Excel',
  'Loyverse',
  'Square',
  'Shopify',
  'PNG',
  'JPEG',
  'WebP',
  'KB',
  'LINE',
  'SMS',
])

/** An internal field key such as `receipt_number` or `net_amount:`, which no language's UI should show. */
export const FIELD_KEY = /(^|[\s(])[a-z]+(_[a-z0-9]+)+:?(?=[\s),]|$)/

/**
 * UI text that is not in the expected language: Thai letters in English, English words in Thai, and in
 * both an internal field key.
 */
export function foreignText(texts: string[], language: 'th' | 'en'): string[] {
  if (language === 'en') return texts.filter((t) => THAI.test(t) || FIELD_KEY.test(t))
  return texts.filter(
    (t) => FIELD_KEY.test(t) || (t.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !LATIN_IN_THAI.has(word)),
  )
}

export interface GlyphReport {
  /** document.fonts says Sarabun can draw Thai now. */
  sarabunThaiReady: boolean
  /** Elements with Thai text whose font is not Sarabun first. */
  notSarabun: string[]
  /** A canvas draws Thai in Sarabun (not a fallback font), as Chart.js does. */
  canvasUsesSarabun: boolean
}

const GLYPH_REPORT = `(async () => {
  await document.fonts.ready
  const sample = 'ลูกค้าประทับใจ'
  const notSarabun = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!el || !/[\u0E00-\u0E7F]/.test(node.textContent || '') || !el.checkVisibility()) continue
    const family = getComputedStyle(el).fontFamily.split(',')[0].replace(/["']/g, '').trim()
    if (family !== 'Sarabun') notSarabun.push(el.tagName + ': ' + node.textContent + ' (' + family + ')')
  }
  // unicodeRange reads like 'U+2D7, U+E01-E5B': does a range hold ก (U+0E01)?
  const coversThai = (range) =>
    range.split(',').some((part) => {
      const [from, to] = part.trim().replace(/^U\\+/i, '').split('-').map((h) => parseInt(h, 16))
      return from <= 0x0e01 && 0x0e01 <= (to ?? from)
    })
  const thaiFaces = [...document.fonts].filter(
    (f) => f.family.replace(/["']/g, '') === 'Sarabun' && coversThai(f.unicodeRange),
  )
  const ctx = document.createElement('canvas').getContext('2d')
  ctx.font = '20px Sarabun'
  const sarabun = ctx.measureText(sample).width
  ctx.font = '20px monospace'
  const fallback = ctx.measureText(sample).width
  return {
    sarabunThaiReady: document.fonts.check('16px Sarabun', sample) && thaiFaces.some((f) => f.status === 'loaded'),
    notSarabun,
    canvasUsesSarabun: Math.abs(sarabun - fallback) > 1,
  }
})()`

export function thaiGlyphReport(page: Page): Promise<GlyphReport> {
  return page.evaluate<GlyphReport>(GLYPH_REPORT)
}
