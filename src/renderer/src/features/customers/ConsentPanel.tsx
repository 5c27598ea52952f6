import { Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consentChannels, type ConsentInput, type CustomerProfile } from '../../../../shared/api/customers'
import { call } from '../../api/client'
import { useFormat } from '../../format/useFormat'
import { useCustomerMutation } from './queries'

/** PDPA consent per purpose: the current answer with its record, and giving or withdrawing in one step. */
export function ConsentPanel(props: {
  customerId: number
  consents: CustomerProfile['consents']
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const [channel, setChannel] = useState<ConsentInput['channel']>('line')
  const [version, setVersion] = useState('v1')
  const [by, setBy] = useState('')
  const record = useCustomerMutation((input: ConsentInput) => call('consentRecord', input))
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('consent.title')}</Text>
        {props.consents.map((c) => (
          <Stack key={c.purpose} gap={2}>
            <Group justify="space-between">
              <Group gap="xs">
                <Text size="sm">{t(`consent.purposes.${c.purpose}`)}</Text>
                <Badge
                  color={c.granted ? 'teal' : 'gray'}
                  variant="light"
                  data-testid={`consent-${c.purpose}`}
                >
                  {c.granted ? t('consent.granted') : t('consent.notGranted')}
                </Badge>
              </Group>
              <Button
                size="compact-xs"
                variant="light"
                disabled={by.trim() === '' || version.trim() === ''}
                onClick={() =>
                  record.mutate({
                    customerId: props.customerId,
                    purpose: c.purpose,
                    granted: !c.granted,
                    channel,
                    noticeVersion: version.trim(),
                    recordedBy: by.trim(),
                  })
                }
              >
                {c.granted ? t('consent.withdraw') : t('consent.give')}
              </Button>
            </Group>
            {c.recordedAt && (
              <Text size="xs" c="dimmed">
                {t('consent.recorded', {
                  date: fmt.date(c.recordedAt.slice(0, 10)),
                  channel: c.channel ? t(`channels.${c.channel}`) : '',
                  version: c.noticeVersion,
                  by: c.recordedBy,
                })}
              </Text>
            )}
          </Stack>
        ))}
        <Group gap="xs" grow>
          <Select
            size="xs"
            label={t('consent.channel')}
            value={channel}
            allowDeselect={false}
            data={consentChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            onChange={(v) => v && setChannel(v)}
          />
          <TextInput
            size="xs"
            label={t('consent.noticeVersion')}
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            label={t('consent.recordedBy')}
            value={by}
            onChange={(e) => setBy(e.currentTarget.value)}
          />
        </Group>
      </Stack>
    </Card>
  )
}
