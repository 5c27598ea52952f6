import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Grid,
  Group,
  Menu,
  Stack,
  Text,
  TextInput,
  Title,
  Card,
  SimpleGrid,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { CustomerFacts } from '../analysis/CustomerDrawer'
import { useCustomerAnalysis } from '../analysis/queries'
import { ConsentPanel } from './ConsentPanel'
import { CustomerForm } from './CustomerForm'
import { saveBase64File } from './files'
import { InteractionForm } from './InteractionForm'
import {
  InteractionsTimeline,
  KeyFigures,
  PrintButtonSlot,
  PurchaseHistory,
  SurveyAnswersSlot,
  TaskList,
} from './ProfileSections'
import { useCustomerMutation, useProfile } from './queries'
import { RequestForm } from './RequestForm'
import { CustomerSuggestions } from '../products/CustomerSuggestions'

function Contact(props: { label: string; value: string | null; testId?: string }): React.JSX.Element {
  const { t } = useTranslation('customers')
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" data-testid={props.testId} data-untranslated>
        {props.value ?? t('profile.none')}
      </Text>
    </Stack>
  )
}

/** One customer: contacts, tags, notes, consents, figures, analysis, purchases, interactions and tasks. */
export function CustomerProfilePage(props: { customerId: number; onBack: () => void }): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const profile = useProfile(props.customerId)
  const analysis = useCustomerAnalysis(props.customerId)
  const [editing, setEditing] = useState(false)
  const [logging, setLogging] = useState(false)
  const [requesting, setRequesting] = useState(false)
  const [tag, setTag] = useState('')
  const [eraser, setEraser] = useState('')
  const tags = useCustomerMutation((input: { tag: string; remove?: boolean }) =>
    call('customersTag', { ...input, customerIds: [props.customerId] }),
  )
  const remove = useCustomerMutation(() => call('customerDelete', { customerId: props.customerId }))
  const erase = useCustomerMutation((erasedBy: string) =>
    call('customerErase', { customerId: props.customerId, erasedBy }),
  )

  if (profile.isPending) return <PageLoader />
  if (profile.isError) return <ErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />
  const { customer: c } = profile.data
  const exportData = async (format: 'json' | 'csv') => {
    const file = await call('customerSubjectExport', { customerId: c.id, format })
    saveBase64File(file.fileName, file.base64)
  }

  return (
    <Stack gap="md" data-testid="customer-profile">
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={props.onBack}
            w="fit-content"
            data-testid="profile-back"
          >
            {t('profile.back')}
          </Button>
          <Title order={2} data-untranslated data-testid="profile-name">
            {c.name}
          </Title>
          {c.code && (
            <Text c="dimmed" size="sm" data-untranslated>
              {c.code}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <PrintButtonSlot customerId={c.id} />
          <Button onClick={() => setEditing(true)} data-testid="profile-edit">
            {t('profile.edit')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              if (window.confirm(t('profile.deleteConfirm')))
                remove.mutate(undefined, { onSuccess: props.onBack })
            }}
          >
            {t('profile.delete')}
          </Button>
        </Group>
      </Group>
      {remove.error && <ErrorNotice error={remove.error} />}

      <Grid gap="md">
        <Grid.Col span={5}>
          <Stack gap="md">
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('profile.contacts')}
              </Text>
              <SimpleGrid cols={2} spacing="xs">
                <Contact label={t('profile.phone')} value={c.phone} testId="profile-phone" />
                <Contact label={t('profile.email')} value={c.email} />
                <Contact label={t('profile.line')} value={c.lineId} />
                <Contact label={t('profile.birthday')} value={c.birthday ? fmt.date(c.birthday) : null} />
                <Contact label={t('profile.address')} value={c.address} />
                <Contact
                  label={t('profile.source')}
                  value={
                    c.acquisitionSource
                      ? t(`sources.${c.acquisitionSource}` as 'sources.other', {
                          defaultValue: c.acquisitionSource,
                        })
                      : null
                  }
                />
                <Contact label={t('profile.referredBy')} value={c.referredBy?.name ?? null} />
              </SimpleGrid>
              {c.notes && (
                <Stack gap={0} mt="xs">
                  <Text size="xs" c="dimmed">
                    {t('profile.notes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-untranslated>
                    {c.notes}
                  </Text>
                </Stack>
              )}
              <Text size="xs" c="dimmed" mt="xs">
                {t('profile.tags')}
              </Text>
              <Group gap={4} mt={2}>
                {c.tags.map((tg) => (
                  <Badge
                    key={tg}
                    variant="light"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        onClick={() => tags.mutate({ tag: tg, remove: true })}
                        aria-label={tg}
                      />
                    }
                    data-untranslated
                  >
                    {tg}
                  </Badge>
                ))}
                <TextInput
                  size="xs"
                  w={120}
                  placeholder={t('profile.addTag')}
                  value={tag}
                  onChange={(e) => setTag(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && tag.trim())
                      tags.mutate({ tag: tag.trim() }, { onSuccess: () => setTag('') })
                  }}
                />
              </Group>
            </Card>
            <ConsentPanel customerId={c.id} consents={profile.data.consents} />
            <TaskList tasks={profile.data.tasks} />
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('profile.privacy')}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => void exportData('json')}>
                  {t('profile.exportJson')}
                </Button>
                <Button size="xs" variant="default" onClick={() => void exportData('csv')}>
                  {t('profile.exportCsv')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setRequesting(true)}
                  data-testid="log-request"
                >
                  {t('requests.log')}
                </Button>
              </Group>
              <Group gap="xs" mt="xs" align="flex-end">
                <TextInput
                  size="xs"
                  label={t('profile.erasedBy')}
                  value={eraser}
                  onChange={(e) => setEraser(e.currentTarget.value)}
                />
                <Menu>
                  <Menu.Target>
                    <Button size="xs" color="red" variant="light" disabled={eraser.trim() === ''}>
                      {t('profile.erase')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown maw={320}>
                    <Text size="xs" p="xs">
                      {t('profile.eraseConfirm')}
                    </Text>
                    <Menu.Item
                      color="red"
                      onClick={() => erase.mutate(eraser.trim(), { onSuccess: props.onBack })}
                    >
                      {t('profile.erase')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="md">
            <KeyFigures figures={profile.data.figures} />
            <Card withBorder data-testid="profile-analysis">
              <Text fw={600} mb="xs">
                {t('profile.analysis')}
              </Text>
              {analysis.data ? (
                <CustomerFacts analysis={analysis.data} />
              ) : (
                <Alert color="gray">{t('profile.notScored')}</Alert>
              )}
            </Card>
            <InteractionsTimeline interactions={profile.data.interactions} onLog={() => setLogging(true)} />
            <CustomerSuggestions customerId={c.id} />
            <SurveyAnswersSlot customerId={c.id} />
            <PurchaseHistory receipts={profile.data.receipts} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && (
        <CustomerForm
          opened
          onClose={() => setEditing(false)}
          editing={{
            id: c.id,
            values: {
              name: c.name,
              code: c.code,
              phone: c.phone,
              email: c.email,
              lineId: c.lineId,
              birthday: c.birthday,
              address: c.address,
              acquisitionSource: c.acquisitionSource,
              referredBy: c.referredBy?.id ?? null,
              notes: c.notes,
            },
          }}
        />
      )}
      <InteractionForm customerId={c.id} opened={logging} onClose={() => setLogging(false)} />
      <RequestForm customerId={c.id} opened={requesting} onClose={() => setRequesting(false)} />
    </Stack>
  )
}
