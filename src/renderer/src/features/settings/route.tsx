import type { FeatureRoute } from '../../app/featureRoute'
import { SettingsPage } from './SettingsPage'

export const settingsRoute: FeatureRoute = {
  id: 'settings',
  path: 'settings',
  element: <SettingsPage />,
  order: 90,
  placement: 'bottom',
}
