import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ContactLinks } from '../../components/ContactLinks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useCampaignMembers } from './queries'

/** Everyone drawn, contacted first, with contacts, consent and what they bought in the window. */
export function MembersTable(props: { id: number }): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const members = useCampaignMembers(props.id)
  if (members.isPending) return <PageLoader />
  if (members.isError) return <ErrorNotice error={members.error} />
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={4}>{t('detail.members')}</Title>
        <Text size="sm" c="dimmed">
          {fmt.number(members.data.length)}
        </Text>
        <Table striped verticalSpacing={4} data-testid="campaign-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.name')}</Table.Th>
              <Table.Th>{t('members.phone')}</Table.Th>
              <Table.Th>{t('detail.group')}</Table.Th>
              <Table.Th>{t('detail.consent')}</Table.Th>
              <Table.Th ta="right">{t('detail.visits')}</Table.Th>
              <Table.Th ta="right">{t('detail.revenue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.customerId}>
                <Table.Td data-untranslated>
                  {m.name}
                  {m.code ? ` (${m.code})` : ''}
                </Table.Td>
                <Table.Td>
                  <ContactLinks phone={m.phone} email={m.email} lineId={m.lineId} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={m.holdout ? 'gray' : 'blue'}>
                    {m.holdout ? t('results.holdout') : t('results.contacted')}
                  </Badge>
                </Table.Td>
                <Table.Td>{m.marketingConsent ? t('detail.yes') : t('detail.no')}</Table.Td>
                <Table.Td ta="right">{fmt.number(m.visits)}</Table.Td>
                <Table.Td ta="right">{fmt.baht(m.revenueSatang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  )
}
