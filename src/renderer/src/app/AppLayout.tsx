import { AppShell, Badge, Group, Image, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { useSettings } from '../features/settings/queries'
import { useStaticFrameGone } from '../static-frame/useStaticFrameGone'
import type { FeatureRoute } from './featureRoute'
import { findRoute } from './features'
import { menu, type NavKey } from './menu'

function MenuLink({ route }: { route: FeatureRoute }): React.JSX.Element {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const active = pathname === `/${route.path}` || pathname.startsWith(`/${route.path}/`)
  return <NavLink component={Link} to={`/${route.path}`} label={t(`nav.${route.id}`)} active={active} />
}

function ShopBadge(): React.JSX.Element {
  const { t } = useTranslation()
  const { data: settings } = useSettings()
  return (
    <Group gap="sm" wrap="nowrap" p="md">
      {settings?.logo && <Image src={settings.logo.dataUrl} w={40} h={40} fit="contain" alt="" />}
      {/* the demo badge beside the name, and room for one line under it (the shop's name) whether or not it
          shows: the menu starts at the same place for every shop, where the static frame's does (static-frame.css) */}
      <Stack gap={0} mih={46} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} size="lg" lh={1.3}>
            {t('appName')}
          </Text>
          {settings?.demo && (
            <Badge size="sm" variant="light" color="orange">
              {t('state.demoData')}
            </Badge>
          )}
        </Group>
        {settings?.shopName && (
          <Text size="sm" c="dimmed" truncate data-untranslated>
            {settings.shopName}
          </Text>
        )}
      </Stack>
    </Group>
  )
}

/** The main window: the menu on the left, the current feature's page on the right. */
export function AppLayout(): React.JSX.Element {
  const { t } = useTranslation()
  useStaticFrameGone()
  const routes = (ids: readonly NavKey[]): FeatureRoute[] => ids.flatMap((id) => findRoute(id) ?? [])
  const main = routes(menu.main)
  const bottom = routes(menu.bottom)
  return (
    <AppShell navbar={{ width: 240, breakpoint: 0 }} padding="xl">
      <AppShell.Navbar aria-label={t('nav.label')}>
        <AppShell.Section>
          <ShopBadge />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} px="xs">
          {main.map((route) => (
            <MenuLink key={route.id} route={route} />
          ))}
        </AppShell.Section>
        <AppShell.Section px="xs" pb="md">
          {bottom.map((route) => (
            <MenuLink key={route.id} route={route} />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
