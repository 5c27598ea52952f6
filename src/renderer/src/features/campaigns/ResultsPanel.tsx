import { Alert, Card, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CampaignGroup } from '../../../../shared/api/campaigns'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useCampaignResults } from './queries'

const verdictColor = { real_up: 'teal', real_down: 'red', chance: 'yellow', too_few: 'gray' } as const

/** Contacted vs hold-out from the sales in the window, the lift with its 95% interval, and what it means. */
export function ResultsPanel(props: { id: number }): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const results = useCampaignResults(props.id)
  if (results.isPending) return <PageLoader />
  if (results.isError) return <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
  const r = results.data
  const points = (x: number) => fmt.number(x * 100, 1)
  const rows: { key: string; label: string; g: CampaignGroup }[] = [
    { key: 'contacted', label: t('results.contacted'), g: r.contacted },
    { key: 'holdout', label: t('results.holdout'), g: r.holdout },
  ]
  const started = r.asOf !== null && r.asOf >= r.windowStart
  return (
    <Card withBorder padding="lg" data-testid="campaign-results">
      <Stack gap="sm">
        <Title order={4}>{t('results.title')}</Title>
        <Text size="sm" c="dimmed">
          {!started
            ? t('results.notStarted')
            : r.windowOver
              ? t('results.over', { date: fmt.date(r.asOf ?? r.windowEnd) })
              : t('results.notOver', { date: fmt.date(r.asOf ?? r.windowStart) })}
        </Text>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('results.group')}</Table.Th>
              <Table.Th ta="right">{t('results.members')}</Table.Th>
              <Table.Th ta="right">{t('results.responders')}</Table.Th>
              <Table.Th ta="right">{t('results.responseRate')}</Table.Th>
              <Table.Th ta="right">{t('results.revenuePerCustomer')}</Table.Th>
              <Table.Th ta="right">{t('results.visitsPerCustomer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid={`results-${row.key}`}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td ta="right">{fmt.number(row.g.members)}</Table.Td>
                <Table.Td ta="right">{fmt.number(row.g.responders)}</Table.Td>
                <Table.Td ta="right">{fmt.percent(row.g.responseRate)}</Table.Td>
                <Table.Td ta="right">{fmt.baht(Math.round(row.g.revenuePerCustomerSatang))}</Table.Td>
                <Table.Td ta="right">{fmt.number(row.g.visitsPerCustomer, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {r.lift !== null && r.ci95 && (
          <Text data-testid="results-lift">
            <b>{t('results.lift')}:</b>{' '}
            {t('results.liftValue', { lift: points(r.lift), lo: points(r.ci95[0]), hi: points(r.ci95[1]) })}
          </Text>
        )}
        <Alert color={verdictColor[r.verdict]} data-testid="results-verdict">
          {t(`results.verdict.${r.verdict}`)}
        </Alert>
        {r.revenueLiftSatang !== null && r.revenueCi95 && (
          <Text size="sm">
            <b>{t('results.revenueLift')}:</b>{' '}
            {t('results.revenueLiftValue', {
              lift: fmt.baht(Math.round(r.revenueLiftSatang)),
              lo: fmt.baht(Math.round(r.revenueCi95[0])),
              hi: fmt.baht(Math.round(r.revenueCi95[1])),
            })}{' '}
            {t(`results.verdict.${r.revenueVerdict}`)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('results.method')}
        </Text>
      </Stack>
    </Card>
  )
}
