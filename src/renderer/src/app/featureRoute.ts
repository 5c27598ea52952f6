import type { ReactNode } from 'react'
import type { NavKey } from './menu'

/** One page of the app inside the main layout, with its menu entry (its place in the menu: menu.ts). */
export interface FeatureRoute {
  /** Stable id, also used to find a route from elsewhere (e.g. the welcome screen looks for 'import'). */
  id: NavKey
  /** Path under the hash router, without the leading slash. */
  path: string
  element: ReactNode
}
