import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  interactionChannels,
  subjectRequestKinds,
  type SubjectRequestInput,
} from '../../../../shared/api/customers'
import { localToday } from '../../../../shared/calendar'
import { call } from '../../api/client'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useCustomerMutation } from './queries'

/** Log a data subject's request (any PDPA right) with the day it arrived; it is due 30 days later. */
export function RequestForm(props: {
  customerId: number
  opened: boolean
  onClose: () => void
  onLogged?: () => void
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const [kind, setKind] = useState<SubjectRequestInput['kind']>('access')
  const [receivedAt, setReceivedAt] = useState<string | null>(() => localToday(new Date()))
  const [channel, setChannel] = useState<string>('line')
  const [details, setDetails] = useState('')
  const [loggedBy, setLoggedBy] = useState('')
  const log = useCustomerMutation((input: SubjectRequestInput) => call('subjectRequestLog', input))
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('requests.logTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!receivedAt) return
          log.mutate(
            {
              customerId: props.customerId,
              kind,
              receivedAt,
              channel,
              details: details.trim(),
              loggedBy: loggedBy.trim(),
            },
            {
              onSuccess: () => {
                setDetails('')
                props.onLogged?.()
                props.onClose()
              },
            },
          )
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('requests.kind')}
              value={kind}
              allowDeselect={false}
              data={subjectRequestKinds.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
              onChange={(v) => v && setKind(v)}
              data-testid="request-kind"
            />
            <DateField
              label={t('requests.received')}
              value={receivedAt}
              onChange={setReceivedAt}
              max={localToday(new Date())}
              testId="request-received"
            />
            <Select
              label={t('requests.channel')}
              value={channel}
              allowDeselect={false}
              data={interactionChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              onChange={(v) => v && setChannel(v)}
            />
            <TextInput
              label={t('requests.loggedBy')}
              value={loggedBy}
              onChange={(e) => setLoggedBy(e.currentTarget.value)}
              data-testid="request-logged-by"
            />
          </SimpleGrid>
          <Textarea
            label={t('requests.details')}
            value={details}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(e) => setDetails(e.currentTarget.value)}
            data-testid="request-details"
          />
          {log.error && <ErrorNotice error={log.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('requests.cancel')}
            </Button>
            <Button type="submit" loading={log.isPending} disabled={!receivedAt} data-testid="request-save">
              {t('requests.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
