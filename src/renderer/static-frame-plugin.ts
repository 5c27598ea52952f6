import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { languages, type Language } from '../shared/api/setting-words'
import { entryPages } from '../shared/entry-pages'
import { staticFrameMarkup } from './src/static-frame/markup'

// Writes the static frame (src/renderer/src/static-frame/markup.ts) into the renderer's page: its CSS in the
// <head>, its HTML first in the <body>, in the page's language (index.html says lang="th"); then, as the
// bundle is written, one copy of the built page per other language with that language's frame and lang
// (src/shared/entry-pages.ts names them). Texts from the i18n catalogue, at build time: no script in the page.

/** The language index.html is written in (its <html lang>). */
const SOURCE_LANGUAGE: Language = 'th'
// from the project's root, as electron.vite.config.ts names its files (the config is bundled before it runs)
const CSS_FILE = resolve('src/renderer/src/static-frame/static-frame.css')

/** `text` with `from` replaced, which must occur exactly once (the built page is not what this expects otherwise). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from)
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`static frame: expected exactly one ${from.slice(0, 60)} in the built index.html`)
  }
  return text.slice(0, at) + to + text.slice(at + from.length)
}

export function staticFramePlugin(): Plugin {
  return {
    name: 'lukkha-static-frame',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        replaceOnce(html, `<html lang="${SOURCE_LANGUAGE}"`, '') // the page is in the language assumed here
        // Vite minifies the page's inline CSS as it builds it
        const css = `<style>\n${readFileSync(CSS_FILE, 'utf8')}</style>\n  </head>`
        const withCss = replaceOnce(html, '</head>', css)
        return replaceOnce(withCss, '<body>', `<body>\n    ${staticFrameMarkup(SOURCE_LANGUAGE)}`)
      },
    },
    generateBundle: {
      order: 'post', // after Vite's own plugin has written the page into the bundle
      handler(_options, bundle) {
        const page = bundle[entryPages[SOURCE_LANGUAGE]]
        if (page?.type !== 'asset' || typeof page.source !== 'string') {
          throw new Error(`static frame: no ${entryPages[SOURCE_LANGUAGE]} in the renderer's bundle`)
        }
        const source = page.source
        for (const language of languages.filter((l) => l !== SOURCE_LANGUAGE)) {
          const translated = replaceOnce(
            replaceOnce(source, `<html lang="${SOURCE_LANGUAGE}"`, `<html lang="${language}"`),
            staticFrameMarkup(SOURCE_LANGUAGE),
            staticFrameMarkup(language),
          )
          this.emitFile({ type: 'asset', fileName: entryPages[language], source: translated })
        }
      },
    },
  }
}
