import type { namespaces } from '../resources'
import { en as common } from '../common/en'
import { en as welcome } from '../../features/welcome/i18n/en'
import { en as dashboard } from '../../features/dashboard/i18n/en'
import { en as settings } from '../../features/settings/i18n/en'
import { en as analysis } from '../../features/analysis/i18n/en'
import { en as reports } from '../../features/reports/i18n/en'
import { en as importText } from '../../features/import/i18n/en'
import { en as errors } from '../errors/en'
import { en as customers } from '../../features/customers/i18n/en'
import { en as components } from '../../components/i18n/en'
import { en as surveys } from '../../features/surveys/i18n/en'
import { en as products } from '../../features/products/i18n/en'
import { en as retention } from '../../features/retention/i18n/en'
import { en as campaigns } from '../../features/campaigns/i18n/en'
import { en as backup } from '../../features/backup/i18n/en'

// Every namespace's English text, one chunk loaded only when the app shows English (src/renderer/src/i18n/
// index.ts). The type below fails to compile when a namespace listed in resources.ts is missing here.
type Texts = { [N in keyof typeof namespaces]: (typeof namespaces)[N]['en'] }

export const texts: Texts = {
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
