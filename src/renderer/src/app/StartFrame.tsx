import { NavLink } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageLoader } from '../components/PageLoader'
import { DashboardSkeleton } from '../features/dashboard/DashboardSkeleton'
import { pageLanguage } from '../i18n'
import { AppFrame } from './AppFrame'
import { startPath } from './earlyCalls'
import type { FeatureRoute } from './featureRoute'

/** A menu entry before the router runs: a plain link to its hash, which the router follows once it starts. */
function StartMenuLink({ route, active }: { route: FeatureRoute; active: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  return <NavLink href={`#/${route.path}`} label={t(`nav.${route.id}`)} active={active} />
}

/**
 * What the window shows while the start questions (database health, settings, has it data) are in flight:
 * the real frame (shop, menu) in the language the page was served in, and the dashboard's title and cards
 * waiting for their figures (or a loader for another page). Without that language (a page served without it)
 * it is the loader alone, so no text shows in a language the settings may not have.
 */
export function StartFrame(): React.JSX.Element {
  const path = startPath() || 'dashboard'
  // the welcome screen has no menu: no frame for it
  if (pageLanguage() === null || path === 'welcome') return <PageLoader />
  return (
    <AppFrame
      menuLink={(route) => <StartMenuLink key={route.id} route={route} active={route.path === path} />}
    >
      {path === 'dashboard' ? <DashboardSkeleton /> : <PageLoader />}
    </AppFrame>
  )
}
