import type { ReactNode } from 'react'
import type { en } from '../i18n/common/en'

/** Menu entries have their labels in common:nav, so a feature needs no edit to the common text. */
export type NavKey = Exclude<keyof typeof en.nav, 'label'>

/** One page of the app inside the main layout, with its menu entry. */
export interface FeatureRoute {
  /** Stable id, also used to find a route from elsewhere (e.g. the welcome screen looks for 'import'). */
  id: NavKey
  /** Path under the hash router, without the leading slash. */
  path: string
  element: ReactNode
  /** Position in the menu (Dashboard 10, Customers 20, Import 30, ... Settings 90). */
  order: number
  /** Settings sit at the bottom of the menu. */
  placement?: 'main' | 'bottom'
}
