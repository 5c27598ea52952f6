import { describe, expect, it } from 'vitest'
import { namespaces } from '../../src/renderer/src/i18n/resources'

/** Names a Thai shop writes in Latin letters too: channels and social networks. */
const BRAND_NAMES =
  /^(LINE|LINE ID|SMS|Facebook|Instagram|TikTok|Google|Shopee|Lazada|Loyverse|Square|Shopify)$/

// Every UI text exists in Thai and English with the same keys and the same {{placeholders}}.

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof value === 'string') {
    out.set(prefix, value)
    return out
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v)
  }
  return out
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()

describe('i18n resources', () => {
  for (const [name, text] of Object.entries(namespaces)) {
    describe(name, () => {
      const en = flatten(text.en)
      const th = flatten(text.th)

      it('has exactly the same keys in Thai and English', () => {
        expect([...th.keys()].sort()).toEqual([...en.keys()].sort())
        expect(en.size).toBeGreaterThan(0)
      })

      it('has no empty text, and the same placeholders in both languages', () => {
        for (const [key, english] of en) {
          const thai = th.get(key) ?? ''
          expect(english.trim(), `en ${name}:${key}`).not.toBe('')
          expect(thai.trim(), `th ${name}:${key}`).not.toBe('')
          expect(placeholders(thai), `${name}:${key}`).toEqual(placeholders(english))
        }
      })

      it('is written in Thai in the Thai file', () => {
        const thaiLetters = /[\u0E01-\u0E3A\u0E40-\u0E5B]/
        const untranslated = [...th].filter(
          ([key, value]) =>
            !thaiLetters.test(value) &&
            value === en.get(key) &&
            !BRAND_NAMES.test(value) &&
            // a dash, a symbol or placeholders alone ('{{start}} – {{end}}') are the same in every language
            /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, '')),
        )
        // Only names that stay the same in both languages (the app's name, brands such as LINE) may be identical.
        expect(untranslated.map(([key]) => key)).toEqual(name === 'common' ? ['appName'] : [])
      })
    })
  }
})
