import { AppShell, Badge, Group, Image, ScrollArea, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSettings } from '../features/settings/queries'
import type { FeatureRoute } from './featureRoute'
import { featureRoutes } from './features'

function ShopBadge(): React.JSX.Element {
  const { t } = useTranslation()
  const { data: settings } = useSettings()
  return (
    <Group gap="sm" wrap="nowrap" p="md">
      {settings?.logo && <Image src={settings.logo.dataUrl} w={40} h={40} fit="contain" alt="" />}
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={700} size="lg" lh={1.3}>
          {t('appName')}
        </Text>
        {settings?.shopName && (
          <Text size="sm" c="dimmed" truncate data-untranslated>
            {settings.shopName}
          </Text>
        )}
        {settings?.demo && (
          <Badge size="sm" variant="light" color="orange" mt={4}>
            {t('state.demoData')}
          </Badge>
        )}
      </Stack>
    </Group>
  )
}

/**
 * The main window's frame: the shop and the menu on the left, `children` on the right. The router's layout
 * (AppLayout) and the start frame drawn while the first answers are in flight (StartFrame) are both this, so
 * the one turns into the other without a jump; each passes how a menu entry is drawn.
 */
export function AppFrame(props: {
  menuLink: (route: FeatureRoute) => ReactNode
  children: ReactNode
}): React.JSX.Element {
  const { t } = useTranslation()
  const main = featureRoutes.filter((r) => r.placement !== 'bottom')
  const bottom = featureRoutes.filter((r) => r.placement === 'bottom')
  return (
    <AppShell navbar={{ width: 240, breakpoint: 0 }} padding="xl">
      <AppShell.Navbar aria-label={t('nav.label')}>
        <AppShell.Section>
          <ShopBadge />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} px="xs">
          {main.map(props.menuLink)}
        </AppShell.Section>
        <AppShell.Section px="xs" pb="md">
          {bottom.map(props.menuLink)}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{props.children}</AppShell.Main>
    </AppShell>
  )
}
