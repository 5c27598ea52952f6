import { Button, Card, Center, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { findRoute } from '../../app/features'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useStaticFrameGone } from '../../static-frame/useStaticFrameGone'
import { LanguageSwitch } from '../settings/LanguageSwitch'
import { DemoProgress } from './DemoProgress'
import { useLoadDemo } from './queries'

/** The first screen of a new database: bring real data in, or look around with the demo shop. */
export function WelcomePage(): React.JSX.Element {
  const { t } = useTranslation('welcome')
  useStaticFrameGone()
  const navigate = useNavigate()
  const loadDemo = useLoadDemo()
  const importRoute = findRoute('import')

  const startDemo = (): void => {
    loadDemo.mutate(undefined, { onSuccess: () => void navigate('/dashboard') })
  }

  return (
    <Center mih="100vh" py="xl">
      <Container size="md">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>{t('title')}</Title>
              <Text size="lg" c="dimmed">
                {t('subtitle')}
              </Text>
            </Stack>
            <LanguageSwitch />
          </Group>
          <SimpleGrid cols={2} spacing="lg">
            <Card withBorder padding="lg">
              <Stack justify="space-between" h="100%">
                <Stack gap="xs">
                  <Title order={3}>{t('import.title')}</Title>
                  <Text>{t('import.description')}</Text>
                </Stack>
                <Stack gap={4}>
                  <Button
                    size="md"
                    variant="default"
                    disabled={!importRoute || loadDemo.isPending}
                    onClick={() => importRoute && void navigate(`/${importRoute.path}`)}
                  >
                    {t('import.action')}
                  </Button>
                  {!importRoute && (
                    <Text size="sm" c="dimmed">
                      {t('import.soon')}
                    </Text>
                  )}
                </Stack>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack justify="space-between" h="100%">
                <Stack gap="xs">
                  <Title order={3}>{t('demo.title')}</Title>
                  <Text>{t('demo.description')}</Text>
                </Stack>
                <Stack gap="xs">
                  <DemoProgress active={loadDemo.isPending} />
                  <Button size="md" loading={loadDemo.isPending} onClick={startDemo}>
                    {t('demo.action')}
                  </Button>
                </Stack>
              </Stack>
            </Card>
          </SimpleGrid>
          {loadDemo.isError && <ErrorNotice error={loadDemo.error} />}
          <Text size="sm" c="dimmed" ta="center">
            {t('privacy')}
          </Text>
        </Stack>
      </Container>
    </Center>
  )
}
