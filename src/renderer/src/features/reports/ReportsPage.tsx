import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { ReportRequest } from '../../../../shared/api/reports'
import { PageHeader } from '../../components/PageHeader'
import { ReportPreview } from './ReportPreview'
import { reportPreviewPath, requestFromSearch } from './reportLink'

const REPORTS: {
  key: 'segments' | 'value' | 'retention' | 'callList' | 'satisfaction' | 'baskets'
  request: ReportRequest
}[] = [
  { key: 'segments', request: { report: 'segments' } },
  { key: 'value', request: { report: 'value' } },
  { key: 'retention', request: { report: 'retention' } },
  { key: 'callList', request: { report: 'call-list', source: 'at_risk' } },
  { key: 'satisfaction', request: { report: 'satisfaction' } },
  { key: 'baskets', request: { report: 'baskets' } },
]

/** The reports a shop owner prints, and the print preview of any report another page links to. */
export function ReportsPage(): React.JSX.Element {
  const { t } = useTranslation('reports')
  const [search] = useSearchParams()
  const navigate = useNavigate()
  const request = requestFromSearch(search)
  if (request) return <ReportPreview request={request} onBack={() => void navigate(-1)} />
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {REPORTS.map((r) => (
          <Card key={r.key} withBorder padding="lg">
            <Stack gap="xs" h="100%" justify="space-between">
              <Stack gap={4}>
                <Title order={4}>{t(`list.${r.key}.title`)}</Title>
                <Text c="dimmed" size="sm">
                  {t(`list.${r.key}.text`)}
                </Text>
              </Stack>
              <Button
                variant="light"
                onClick={() => void navigate(reportPreviewPath(r.request))}
                data-testid={`report-open-${r.key}`}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('open')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  )
}
