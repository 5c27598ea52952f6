import { describe, expect, it } from 'vitest'
import { namespaces, resourcesFor } from '../../src/renderer/src/i18n/resources'
import { texts as en } from '../../src/renderer/src/i18n/texts/texts-en'
import { texts as th } from '../../src/renderer/src/i18n/texts/texts-th'

// The app loads one language's texts at a time (src/renderer/src/i18n/texts/texts-<language>.ts, one chunk each);
// each must hold every namespace with that language's text, exactly what the namespaces list pairs.

describe('per-language texts', () => {
  it.each([
    ['en', en],
    ['th', th],
  ] as const)('%s holds every namespace in that language', (language, texts) => {
    expect(Object.keys(texts).sort()).toEqual(Object.keys(namespaces).sort())
    expect(texts).toEqual(resourcesFor(language))
  })

  it('is not the other language', () => {
    expect(en.common).not.toEqual(th.common)
    expect(en.dashboard).toEqual(namespaces.dashboard.en)
    expect(th.dashboard).toEqual(namespaces.dashboard.th)
  })
})
