import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomerProfile } from '../../../../shared/api/customers'
import { call } from '../../api/client'
import { useFormat } from '../../format/useFormat'
import { useCustomerMutation } from './queries'
import { PrintButton } from '../reports/PrintButton'
import { Fact } from '../../components/Fact'

export function KeyFigures({ figures }: { figures: CustomerProfile['figures'] }): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const none = t('profile.none')
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('profile.figures')}
      </Text>
      <SimpleGrid cols={4} spacing="sm">
        <Fact
          label={t('profile.firstPurchase')}
          value={figures.firstPurchase ? fmt.date(figures.firstPurchase.slice(0, 10)) : none}
        />
        <Fact
          label={t('profile.lastPurchase')}
          value={figures.lastPurchase ? fmt.date(figures.lastPurchase.slice(0, 10)) : none}
        />
        <Fact label={t('profile.visits')} value={fmt.number(figures.visits)} />
        <Fact label={t('profile.spend')} value={fmt.baht(figures.spendSatang)} testId="profile-spend" />
        <Fact
          label={t('profile.basket')}
          value={figures.averageBasketSatang === null ? none : fmt.baht(figures.averageBasketSatang)}
        />
        <Fact
          label={t('profile.rhythm')}
          value={
            figures.rhythmDays === null
              ? none
              : t('profile.rhythmDays', { days: fmt.number(figures.rhythmDays, 0) })
          }
        />
        <Fact
          label={t('profile.favourites')}
          value={
            figures.favouriteCategories.length === 0
              ? none
              : figures.favouriteCategories.map((c) => c.category).join(', ')
          }
        />
      </SimpleGrid>
    </Card>
  )
}

export function PurchaseHistory({ receipts }: { receipts: CustomerProfile['receipts'] }): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('profile.purchases')}
      </Text>
      {receipts.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('profile.noPurchases')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500} mah={320}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profile.date')}</Table.Th>
                <Table.Th>{t('profile.receipt')}</Table.Th>
                <Table.Th>{t('profile.items')}</Table.Th>
                <Table.Th ta="right">{t('profile.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {receipts.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{fmt.date(r.occurredAt.slice(0, 10))}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <span data-untranslated>{r.receiptNumber}</span>
                      {r.kind === 'refund' && (
                        <Badge color="red" size="xs" variant="light">
                          {t('profile.refund')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td data-untranslated>
                    {r.lines.map((l) => `${l.product ?? '?'} x${fmt.number(l.quantity)}`).join(', ')}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.baht(r.netSatang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

export function InteractionsTimeline(props: {
  interactions: CustomerProfile['interactions']
  onLog: () => void
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('profile.interactions')}</Text>
        <Button size="compact-sm" onClick={props.onLog} data-testid="log-interaction">
          {t('profile.logInteraction')}
        </Button>
      </Group>
      {props.interactions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('profile.noInteractions')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {props.interactions.map((i) => (
            <Timeline.Item
              key={i.id}
              title={`${t(`channels.${i.channel}`)} · ${t(`directions.${i.direction}`)}`}
            >
              <Text size="xs" c="dimmed">
                {fmt.date(i.occurredAt.slice(0, 10))} {i.occurredAt.slice(11, 16)} {i.staff && `· ${i.staff}`}
              </Text>
              <Text size="sm" data-untranslated>
                {i.summary}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  )
}

export function TaskList({ tasks }: { tasks: CustomerProfile['tasks'] }): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const setStatus = useCustomerMutation((input: { taskId: number; status: 'open' | 'done' }) =>
    call('taskSetStatus', input),
  )
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('profile.tasks')}
      </Text>
      {tasks.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('profile.noTasks')}
        </Text>
      ) : (
        <Stack gap={6}>
          {tasks.map((task) => (
            <Group key={task.id} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" td={task.status === 'done' ? 'line-through' : undefined} data-untranslated>
                  {task.title}
                </Text>
                {task.dueDate && (
                  <Text size="xs" c="dimmed">
                    {t('profile.due', { date: fmt.date(task.dueDate) })}
                  </Text>
                )}
              </Stack>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() =>
                  setStatus.mutate({ taskId: task.id, status: task.status === 'done' ? 'open' : 'done' })
                }
              >
                {task.status === 'done' ? t('profile.reopen') : t('profile.markDone')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  )
}

/** Where the surveys feature shows this customer's answers (#12 fills it). */
export function SurveyAnswersSlot(_props: { customerId: number }): React.JSX.Element | null {
  return null
}

/** The profile's print button: one printed page for this customer (the reports feature's print preview). */
export function PrintButtonSlot(props: { customerId: number }): React.JSX.Element {
  return <PrintButton request={{ report: 'customer', customerIds: [props.customerId] }} label="profile" />
}
