import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { languages } from '../../src/shared/api/setting-words'
import { entryPages } from '../../src/shared/entry-pages'
import { menu } from '../../src/renderer/src/app/menu'
import { STATIC_FRAME_ID, staticFrameMarkup } from '../../src/renderer/src/static-frame/markup'
import dashboard from '../../src/renderer/src/features/dashboard/i18n'
import common from '../../src/renderer/src/i18n/common'
import { RENDERER_DIR } from '../harness/server'

// The static frame (src/renderer/src/static-frame/) in the built pages (npm run build first): one page per
// language, each with the frame in its language and nothing else different, and no script of its own.

const THAI = /[\u0E00-\u0E7F]/
const page = (language: (typeof languages)[number]): string => {
  const file = join(RENDERER_DIR, entryPages[language])
  expect(existsSync(file), `no built page ${file}: run npm run build first`).toBe(true)
  return readFileSync(file, 'utf8')
}

describe('static frame', () => {
  it('holds the menu in menu order, the title and the KPI labels, in each language', () => {
    for (const language of languages) {
      const html = staticFrameMarkup(language)
      const texts = [...html.matchAll(/>([^<>]+)</g)].map((m) => m[1])
      const kpi = dashboard[language].kpi
      expect(texts).toEqual([
        common[language].appName,
        ...[...menu.main, ...menu.bottom].map((id) => common[language].nav[id].replace('&', '&amp;')),
        dashboard[language].title,
        kpi.customers,
        kpi.active,
        kpi.new,
        kpi.revenue,
      ])
      expect(texts.some((t) => THAI.test(t ?? ''))).toBe(language === 'th')
    }
  })

  it('is in each built page with its language, the pages otherwise the same and without inline script', () => {
    const thai = page('th')
    for (const language of languages) {
      const html = page(language)
      expect(html).toContain(`<html lang="${language}"`)
      expect(html).toContain(staticFrameMarkup(language))
      expect(html.match(new RegExp(`id="${STATIC_FRAME_ID}"`, 'g'))).toHaveLength(1)
      // every script is a file of the app ('self' in the CSP), none written into the page
      expect([...html.matchAll(/<script([^>]*)>/g)].every((m) => /\bsrc=/.test(m[1] ?? ''))).toBe(true)
      const same = html
        .replace(staticFrameMarkup(language), staticFrameMarkup('th'))
        .replace(`<html lang="${language}"`, '<html lang="th"')
      expect(same).toBe(thai)
    }
  })
})
