import { Card, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'

const KPI_LABELS = ['kpi.customers', 'kpi.active', 'kpi.new', 'kpi.revenue'] as const

/**
 * The dashboard while its figures are on their way: the title and the four KPI cards with their names, a
 * placeholder where each figure will be. Drawn by the start frame (before the first answers), while the page's
 * code loads and while the KPI query runs, so the screen does not change shape when the figures arrive.
 */
export function DashboardSkeleton(): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  return (
    <Stack gap="lg" aria-busy="true" data-testid="dashboard-loading">
      <PageHeader title={t('title')} subtitle={<Skeleton h={16} w={320} mt={6} />} />
      <SimpleGrid cols={4} spacing="lg">
        {KPI_LABELS.map((label) => (
          <Card key={label} withBorder padding="lg">
            <Stack gap={4}>
              <Text size="sm" c="dimmed" fw={500}>
                {t(label)}
              </Text>
              <Skeleton h={36} w="50%" />
              <Skeleton h={14} w="80%" mt={6} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
