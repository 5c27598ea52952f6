import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languages, type Language } from '../../../shared/api/setting-words'
import { namespaces, resourcesFor } from './resources'

// All text is bundled, so initialisation is synchronous and a language switch is immediate. The language
// itself comes from the settings (the owner's choice, or the OS locale), applied by <LanguageSync>.
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(languages.map((language) => [language, resourcesFor(language)])),
  lng: 'th',
  fallbackLng: 'en',
  ns: Object.keys(namespaces),
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
})

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language)
  document.documentElement.lang = language
}

export { i18n }
