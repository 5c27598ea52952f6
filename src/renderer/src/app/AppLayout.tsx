import { NavLink } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { AppFrame } from './AppFrame'
import type { FeatureRoute } from './featureRoute'

function MenuLink({ route }: { route: FeatureRoute }): React.JSX.Element {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const active = pathname === `/${route.path}` || pathname.startsWith(`/${route.path}/`)
  return <NavLink component={Link} to={`/${route.path}`} label={t(`nav.${route.id}`)} active={active} />
}

/** The main window: the menu on the left, the current feature's page on the right. */
export function AppLayout(): React.JSX.Element {
  return (
    <AppFrame menuLink={(route) => <MenuLink key={route.id} route={route} />}>
      <Outlet />
    </AppFrame>
  )
}
