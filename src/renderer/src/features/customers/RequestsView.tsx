import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SubjectRequestRow } from '../../../../shared/api/customers'
import { localToday } from '../../../../shared/calendar'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useClosedRequests, useCustomerMutation, useOpenRequests } from './queries'

type Close = { requestId: number; outcome: 'fulfilled' | 'refused'; reason?: string; by: string }

/** Refusing needs its reason; the reason is logged with the refusal. */
function RefuseDialog(props: {
  request: SubjectRequestRow | null
  pending: boolean
  onClose: () => void
  onRefuse: (reason: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const [reason, setReason] = useState('')
  return (
    <Modal opened={props.request !== null} onClose={props.onClose} title={t('requests.refuseTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('requests.refuseIntro')}
        </Text>
        <Textarea
          label={t('requests.reason')}
          value={reason}
          required
          autosize
          minRows={2}
          maxLength={2000}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="refuse-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('requests.cancel')}
          </Button>
          <Button
            color="red"
            loading={props.pending}
            disabled={reason.trim() === ''}
            onClick={() => props.onRefuse(reason.trim())}
            data-testid="refuse-confirm"
          >
            {t('requests.confirmRefuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The PDPA request register: open requests by due date (overdue marked), fulfil or refuse, and the history. */
export function RequestsView(props: { onOpenCustomer: (id: number) => void }): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const today = localToday(new Date())
  const open = useOpenRequests(today)
  const closed = useClosedRequests()
  const [by, setBy] = useState('')
  const [refusing, setRefusing] = useState<SubjectRequestRow | null>(null)
  const close = useCustomerMutation((input: Close) => call('subjectRequestClose', input))
  const name = (r: { customerId: number | null; customerName: string | null }) =>
    r.customerId !== null && r.customerName !== null ? (
      <Anchor size="sm" onClick={() => props.onOpenCustomer(r.customerId ?? 0)} data-untranslated>
        {r.customerName}
      </Anchor>
    ) : (
      <Text size="sm" c="dimmed">
        {t('requests.erased')}
      </Text>
    )

  if (open.isPending) return <PageLoader />
  if (open.isError) return <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />
  return (
    <Stack gap="md" data-testid="requests-view">
      <Text c="dimmed" size="sm">
        {t('requests.intro')}
      </Text>
      <TextInput
        w={360}
        label={t('requests.handledBy')}
        description={t('requests.handledByHint')}
        value={by}
        onChange={(e) => setBy(e.currentTarget.value)}
        data-testid="requests-handled-by"
      />
      {close.error && <ErrorNotice error={close.error} />}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('requests.open')}
        </Text>
        {open.data.requests.length === 0 ? (
          <Text size="sm">{t('requests.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped fz="sm" data-testid="requests-open">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.customer')}</Table.Th>
                  <Table.Th>{t('requests.kind')}</Table.Th>
                  <Table.Th>{t('requests.received')}</Table.Th>
                  <Table.Th>{t('requests.due')}</Table.Th>
                  <Table.Th>{t('requests.channel')}</Table.Th>
                  <Table.Th>{t('requests.details')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {open.data.requests.map((r) => (
                  <Table.Tr key={r.id} data-testid={`request-${r.id}`}>
                    <Table.Td>{name(r)}</Table.Td>
                    <Table.Td>{t(`requests.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>{fmt.date(r.receivedAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" data-testid="request-due">
                          {fmt.date(r.dueDate)}
                        </Text>
                        {r.overdue && (
                          <Badge color="red" variant="light" data-testid="request-overdue">
                            {t('requests.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {r.channel
                        ? t(`channels.${r.channel}` as 'channels.line', { defaultValue: r.channel })
                        : ''}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" lineClamp={2} data-untranslated>
                        {r.details}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="teal"
                          disabled={by.trim() === ''}
                          onClick={() =>
                            close.mutate({ requestId: r.id, outcome: 'fulfilled', by: by.trim() })
                          }
                          data-testid="request-fulfil"
                        >
                          {t('requests.fulfil')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          disabled={by.trim() === ''}
                          onClick={() => setRefusing(r)}
                          data-testid="request-refuse"
                        >
                          {t('requests.refuse')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('requests.closed')}
        </Text>
        {closed.isError && <ErrorNotice error={closed.error} onRetry={() => void closed.refetch()} />}
        {closed.data && closed.data.requests.length === 0 && (
          <Text size="sm">{t('requests.noneClosed')}</Text>
        )}
        {closed.data && closed.data.requests.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table striped fz="sm" data-testid="requests-closed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.customer')}</Table.Th>
                  <Table.Th>{t('requests.kind')}</Table.Th>
                  <Table.Th>{t('requests.received')}</Table.Th>
                  <Table.Th>{t('requests.outcome')}</Table.Th>
                  <Table.Th>{t('requests.reason')}</Table.Th>
                  <Table.Th>{t('requests.handled')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closed.data.requests.map((r) => (
                  <Table.Tr key={r.id} data-testid={`closed-request-${r.id}`}>
                    <Table.Td>{name(r)}</Table.Td>
                    <Table.Td>{t(`requests.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>{fmt.date(r.receivedAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Badge color={r.outcome === 'refused' ? 'red' : 'teal'} variant="light">
                        {t(`requests.outcomes.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={300}>
                      <Text size="sm" data-untranslated data-testid="closed-reason">
                        {r.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.handledAt && fmt.date(r.handledAt.slice(0, 10))}</Text>
                      <Text size="xs" c="dimmed" data-untranslated>
                        {r.handledBy}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {refusing && (
        <RefuseDialog
          request={refusing}
          pending={close.isPending}
          onClose={() => setRefusing(null)}
          onRefuse={(reason) =>
            close.mutate(
              { requestId: refusing.id, outcome: 'refused', reason, by: by.trim() },
              { onSuccess: () => setRefusing(null) },
            )
          }
        />
      )}
    </Stack>
  )
}
