import i18n, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { isLanguage, type Language } from '../../../shared/api/setting-words'
import type { Namespace } from './resources'

// The UI text is loaded one language at a time: each language's texts are one chunk (i18n/texts/texts-<lang>.ts),
// the current language's before the first render, the other on a switch. The language comes from the settings
// (the owner's choice, or the OS locale); the main process (and the test harness) serve the page with it on
// <html data-language>, so the first screen is drawn in it without waiting for getSettings. <LanguageSync>
// then follows the settings.

const loaders: Record<Language, () => Promise<{ texts: Record<Namespace, object> }>> = {
  th: () => import('./texts/texts-th'),
  en: () => import('./texts/texts-en'),
}

const loaded = new Map<Language, Promise<void>>()

function loadTexts(language: Language): Promise<void> {
  let loading = loaded.get(language)
  if (!loading) {
    loading = loaders[language]().then(({ texts }) => {
      for (const [ns, text] of Object.entries(texts)) i18n.addResourceBundle(language, ns, text, true, true)
    })
    // a failed load (it cannot, from the app's own files, but) is tried again on the next call
    loading.catch(() => loaded.delete(language))
    loaded.set(language, loading)
  }
  return loading
}

/** The language the page was served in (the settings' language at that moment), or null when not given. */
export function pageLanguage(): Language | null {
  const given = document.documentElement.dataset.language
  return isLanguage(given) ? given : null
}

/**
 * Starts i18next in `language` with that language's texts (loaded first, so initialisation and every later
 * t() are synchronous). The app renders once this resolves.
 */
export async function startI18n(language: Language): Promise<void> {
  const texts = loaders[language]()
  const resources: Resource = { [language]: (await texts).texts }
  loaded.set(language, Promise.resolve())
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    // every Thai key exists in English and back (test/renderer/i18n.test.ts); no fallback language is loaded
    fallbackLng: false,
    ns: Object.keys(resources[language] ?? {}),
    defaultNS: 'common',
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
  })
  document.documentElement.lang = language
}

let wanted: Language | null = null

/**
 * Shows the UI in `language`: loads its texts if they are not here yet, then switches (the last call wins when
 * two switches overlap). Resolves once the switch is done, so a caller can draw the next screen in it.
 */
export async function setLanguage(language: Language): Promise<void> {
  wanted = language
  await loadTexts(language)
  if (wanted !== language) return
  if (i18n.language !== language) await i18n.changeLanguage(language)
  document.documentElement.lang = language
}

export { i18n }
