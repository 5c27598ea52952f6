import type { Messages } from '../types'
import type { namespaces } from '../resources'
import { th as common } from '../common/th'
import { th as welcome } from '../../features/welcome/i18n/th'
import { th as dashboard } from '../../features/dashboard/i18n/th'
import { th as settings } from '../../features/settings/i18n/th'
import { th as analysis } from '../../features/analysis/i18n/th'
import { th as reports } from '../../features/reports/i18n/th'
import { th as importText } from '../../features/import/i18n/th'
import { th as errors } from '../errors/th'
import { th as customers } from '../../features/customers/i18n/th'
import { th as components } from '../../components/i18n/th'
import { th as surveys } from '../../features/surveys/i18n/th'
import { th as products } from '../../features/products/i18n/th'
import { th as retention } from '../../features/retention/i18n/th'
import { th as campaigns } from '../../features/campaigns/i18n/th'
import { th as backup } from '../../features/backup/i18n/th'

// Every namespace's Thai text, one chunk loaded only when the app shows Thai (src/renderer/src/i18n/index.ts).
// The type below fails to compile when a namespace listed in resources.ts is missing here.
type Texts = { [N in keyof typeof namespaces]: Messages<(typeof namespaces)[N]['en']> }

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
