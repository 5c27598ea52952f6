import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { followUpOutcomes, type FollowUp } from '../../../../shared/api/surveys'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { aspectLabel } from './labels'
import { useCloseFollowUp, useFollowUps, useSurveyTemplate } from './queries'

type Outcome = (typeof followUpOutcomes)[number]

/** Service recovery: one follow-up per disappointed response, with the customer's contacts; closing records the outcome. */
export function FollowUpsView(): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open')
  const list = useFollowUps(status)
  const template = useSurveyTemplate()
  if (list.isPending) return <PageLoader />
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
  const { items, recovery } = list.data
  const label = (key: string) => {
    const a = template.data?.aspects.find((x) => x.key === key)
    return a ? aspectLabel(a, fmt.language) : key
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('followUps.open')}
          </Text>
          <Text fz={28} fw={700} data-testid="surveys-followups-open">
            {fmt.number(recovery.open)}
          </Text>
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('followUps.closed')}
          </Text>
          <Text fz={28} fw={700}>
            {fmt.number(recovery.closed)}
          </Text>
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('followUps.rate')}
          </Text>
          <Text fz={28} fw={700}>
            {recovery.rate === null ? '–' : fmt.percent(recovery.rate)}
          </Text>
          <Text size="xs" c="dimmed">
            {recovery.rate === null
              ? t('followUps.noRate')
              : t('followUps.rateHint', {
                  bought: fmt.number(recovery.boughtAgain),
                  closed: fmt.number(recovery.closed),
                })}
          </Text>
        </Card>
      </SimpleGrid>
      <Group>
        <Text size="sm">{t('followUps.show')}</Text>
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(v) => setStatus(v === 'closed' || v === 'all' ? v : 'open')}
          data={[
            { value: 'open', label: t('followUps.showOpen') },
            { value: 'closed', label: t('followUps.showClosed') },
            { value: 'all', label: t('followUps.showAll') },
          ]}
        />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('followUps.empty')}</Text>
      ) : (
        <Table striped data-testid="surveys-followups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followUps.customer')}</Table.Th>
              <Table.Th>{t('followUps.contact')}</Table.Th>
              <Table.Th>{t('followUps.answered')}</Table.Th>
              <Table.Th>{t('followUps.due')}</Table.Th>
              <Table.Th>{t('followUps.aspects')}</Table.Th>
              <Table.Th>{t('followUps.comment')}</Table.Th>
              <Table.Th>{t('followUps.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((f) => (
              <Table.Tr key={f.responseId}>
                <Table.Td data-untranslated>{f.customerName}</Table.Td>
                <Table.Td data-untranslated>
                  {[f.phone, f.lineId && `LINE ${f.lineId}`, f.email].filter(Boolean).join(' · ')}
                </Table.Td>
                <Table.Td>{fmt.date(f.respondedAt.slice(0, 10))}</Table.Td>
                <Table.Td>{f.dueDate ? fmt.date(f.dueDate) : ''}</Table.Td>
                <Table.Td>{f.disappointedAspects.map(label).join(', ')}</Table.Td>
                <Table.Td data-untranslated>{f.comment}</Table.Td>
                <Table.Td>
                  <OutcomeCell item={f} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

function OutcomeCell({ item }: { item: FollowUp }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const close = useCloseFollowUp()
  const [outcome, setOutcome] = useState<Outcome>('recovered')
  const [note, setNote] = useState('')
  if (item.outcome) {
    return (
      <Group gap={4}>
        <Badge variant="light">{t(`followUps.outcomes.${item.outcome}`)}</Badge>
        {item.boughtAgainAfter && <Badge color="green">{t('followUps.boughtAgain')}</Badge>}
        {item.note && <Text size="xs">{item.note}</Text>}
      </Group>
    )
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        size="xs"
        w={140}
        value={outcome}
        onChange={(v) => setOutcome(followUpOutcomes.find((o) => o === v) ?? 'recovered')}
        data={followUpOutcomes.map((o) => ({ value: o, label: t(`followUps.outcomes.${o}`) }))}
        aria-label={t('followUps.outcome')}
      />
      <TextInput
        size="xs"
        w={140}
        placeholder={t('followUps.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button
        size="xs"
        loading={close.isPending}
        onClick={() => close.mutate({ responseId: item.responseId, outcome, note })}
      >
        {t('followUps.close')}
      </Button>
    </Group>
  )
}
