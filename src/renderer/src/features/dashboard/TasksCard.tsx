import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { localToday } from '../../../../shared/calendar'
import { useFormat } from '../../format/useFormat'
import { useTasksDue } from '../customers/queries'

/** Follow-up tasks due today and overdue, each linking to its customer. */
export function TasksCard(): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const tasks = useTasksDue(localToday(new Date())).data
  const section = (
    label: string,
    list: NonNullable<typeof tasks>['today'],
    testId: string,
    overdue: boolean,
  ) => (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Badge size="sm" color={overdue && list.length > 0 ? 'red' : 'gray'} variant="light">
          {fmt.number(list.length)}
        </Badge>
      </Group>
      {list.slice(0, 8).map((task) => (
        <Group key={task.id} gap="xs" wrap="nowrap">
          <Text size="sm" data-untranslated>
            {task.title}
          </Text>
          {task.customerId !== null && (
            <Anchor component={Link} to={`/customers?id=${task.customerId}`} size="sm" data-untranslated>
              {task.customerName}
            </Anchor>
          )}
          {overdue && task.dueDate && (
            <Text size="xs" c="red">
              {fmt.date(task.dueDate)}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  )
  return (
    <Card withBorder data-testid="tasks-card">
      <Text fw={600} mb="xs">
        {t('tasksCard.title')}
      </Text>
      {tasks && tasks.today.length + tasks.overdue.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasksCard.none')}
        </Text>
      ) : (
        <Group align="flex-start" grow>
          {section(t('tasksCard.today'), tasks?.today ?? [], 'tasks-today', false)}
          {section(t('tasksCard.overdue'), tasks?.overdue ?? [], 'tasks-overdue', true)}
        </Group>
      )}
    </Card>
  )
}
