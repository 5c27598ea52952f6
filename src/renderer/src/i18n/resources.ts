import type { ResourceLanguage } from 'i18next'
import type { Language } from '../../../shared/api/settings'
import analysis from '../features/analysis/i18n'
import dashboard from '../features/dashboard/i18n'
import importText from '../features/import/i18n'
import settings from '../features/settings/i18n'
import reports from '../features/reports/i18n'
import surveys from '../features/surveys/i18n'
import welcome from '../features/welcome/i18n'
import products from '../features/products/i18n'
import retention from '../features/retention/i18n'
import campaigns from '../features/campaigns/i18n'
import common from './common'
import errors from './errors'
import customers from '../features/customers/i18n'
import components from '../components/i18n'
import backup from '../features/backup/i18n'

/**
 * Every namespace of UI text, one per feature plus 'common'. A new feature adds its i18n folder (en.ts,
 * th.ts, index.ts) and one line here; its components then call useTranslation('<namespace>').
 */
export const namespaces = {
  common,
  welcome,
  dashboard,
  settings,
  analysis,
  reports,
  import: importText,
  errors,
  customers,
  components,
  surveys,
  products,
  retention,
  campaigns,
  backup,
}

export type Namespace = keyof typeof namespaces

export function resourcesFor(language: Language): ResourceLanguage {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, text]) => [ns, text[language]]))
}
