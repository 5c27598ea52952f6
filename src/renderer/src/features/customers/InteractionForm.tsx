import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { interactionChannels, type InteractionInput } from '../../../../shared/api/customers'
import { localTimestamp } from '../../../../shared/calendar'
import { call } from '../../api/client'
import { useCustomerMutation } from './queries'
import { DateField } from '../../components/DateField'

/** Log a visit, call, LINE chat, e-mail, SMS or letter, with an optional follow-up task. */
export function InteractionForm(props: {
  customerId: number
  opened: boolean
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const [channel, setChannel] = useState<InteractionInput['channel']>('phone')
  const [direction, setDirection] = useState<InteractionInput['direction']>('outbound')
  const [occurredAt, setOccurredAt] = useState(() => localTimestamp(new Date()).slice(0, 16))
  const [summary, setSummary] = useState('')
  const [staff, setStaff] = useState('')
  const [followUp, setFollowUp] = useState('')
  const [due, setDue] = useState(() => localTimestamp(new Date()).slice(0, 10))
  const log = useCustomerMutation((input: InteractionInput) => call('interactionLog', input))
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('interaction.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          log.mutate(
            {
              customerId: props.customerId,
              channel,
              direction,
              occurredAt,
              summary,
              staff,
              ...(followUp.trim() ? { followUp: { title: followUp.trim(), dueDate: due } } : {}),
            },
            {
              onSuccess: () => {
                setSummary('')
                setFollowUp('')
                props.onClose()
              },
            },
          )
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <Select
              label={t('interaction.channel')}
              value={channel}
              allowDeselect={false}
              data={interactionChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              onChange={(v) => v && setChannel(v)}
              data-testid="interaction-channel"
            />
            <Select
              label={t('interaction.direction')}
              value={direction}
              allowDeselect={false}
              data={(['inbound', 'outbound'] as const).map((d) => ({
                value: d,
                label: t(`directions.${d}`),
              }))}
              onChange={(v) => v && setDirection(v)}
            />
            <TextInput
              type="datetime-local"
              label={t('interaction.occurredAt')}
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t('interaction.summary')}
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            data-testid="interaction-summary"
          />
          <TextInput
            label={t('interaction.staff')}
            value={staff}
            onChange={(e) => setStaff(e.currentTarget.value)}
            data-testid="interaction-staff"
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('interaction.followUp')}
              value={followUp}
              onChange={(e) => setFollowUp(e.currentTarget.value)}
              data-testid="interaction-followup"
            />
            <DateField
              label={t('interaction.followUpDue')}
              value={due || null}
              onChange={(value) => setDue(value ?? '')}
              testId="interaction-due"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending} data-testid="interaction-save">
              {t('interaction.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
