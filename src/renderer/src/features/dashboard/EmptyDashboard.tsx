import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** What a shop without sales sees instead of empty figures: the way to its first import. */
export function EmptyDashboard(): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  return (
    <Card withBorder padding="xl" data-testid="dashboard-empty">
      <Stack gap="sm" align="flex-start">
        <Title order={3}>{t('emptyState.title')}</Title>
        <Text>{t('emptyState.text')}</Text>
        <Group>
          <Button component={Link} to="/import" data-testid="dashboard-empty-import">
            {t('emptyState.import')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
