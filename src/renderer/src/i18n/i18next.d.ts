import 'i18next'
import type { namespaces } from './resources'

// Type-checks every t('key') against the English text of its namespace.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: { [N in keyof typeof namespaces]: (typeof namespaces)[N]['en'] }
  }
}
