import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

export const settingsRoute: FeatureRoute = {
  id: 'settings',
  path: 'settings',
  element: lazyPage(() => import('./SettingsPage'), 'SettingsPage'),
}
