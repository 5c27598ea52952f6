import { Anchor, Badge, Card, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CampaignStatus } from '../../../../shared/api/campaigns'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useCampaigns } from './queries'
import { useTargetLabel } from './useTargetLabel'

export const statusColor: Record<CampaignStatus, string> = { planned: 'gray', open: 'blue', closed: 'teal' }

export function CampaignList(props: { onOpen: (id: number) => void }): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const campaigns = useCampaigns()
  const targetLabel = useTargetLabel()
  if (campaigns.isPending) return <PageLoader />
  if (campaigns.isError)
    return <ErrorNotice error={campaigns.error} onRetry={() => void campaigns.refetch()} />
  if (campaigns.data.length === 0)
    return (
      <Card withBorder padding="lg">
        <Text c="dimmed">{t('empty')}</Text>
      </Card>
    )
  return (
    <Card withBorder padding="sm">
      <Table striped verticalSpacing={6} data-testid="campaign-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.name')}</Table.Th>
            <Table.Th>{t('list.channel')}</Table.Th>
            <Table.Th>{t('list.target')}</Table.Th>
            <Table.Th>{t('list.window')}</Table.Th>
            <Table.Th ta="right">{t('list.contacted')}</Table.Th>
            <Table.Th ta="right">{t('list.holdout')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td data-untranslated>
                <Anchor component="button" onClick={() => props.onOpen(c.id)}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`channels.${c.channel}`)}</Table.Td>
              <Table.Td data-untranslated>{targetLabel(c.target)}</Table.Td>
              <Table.Td>
                {t('windowValue', { start: fmt.date(c.windowStart), end: fmt.date(c.windowEnd) })}
              </Table.Td>
              <Table.Td ta="right">{fmt.number(c.contacted)}</Table.Td>
              <Table.Td ta="right">{fmt.number(c.holdout)}</Table.Td>
              <Table.Td>
                <Badge color={statusColor[c.status]} variant="light">
                  {t(`status.${c.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
