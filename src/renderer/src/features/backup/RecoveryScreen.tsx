import {
  Alert,
  Button,
  Card,
  Container,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../shared/api/backup'
import { languages, type Language } from '../../../../shared/api/setting-words'
import { call } from '../../api/client'
import { saveExportedFile } from '../../api/download'
import { ErrorNotice } from '../../components/ErrorNotice'
import { setLanguage } from '../../i18n'
import { useStaticFrameGone } from '../../static-frame/useStaticFrameGone'
import { useSettings } from '../settings/queries'
import { BackupList } from './BackupList'
import { useBackups, useStartFresh } from './queries'
import { RestoreDialog } from './RestoreDialog'
import { RestoreStatus } from './RestoreStatus'
import { takenAt, useBackupFormat } from './labels'

const ENDONYMS: Record<Language, string> = { th: 'ไทย', en: 'English' }
const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value)
const HEADER_IDS = [
  'id',
  'code',
  'name',
  'phone',
  'line_id',
  'email',
  'birthday',
  'notes',
  'receipt_number',
  'occurred_at',
  'customer_id',
  'net_satang',
  'kind',
] as const

/** Saves what can still be read of one table, through the shared safe writer, as a download. */
function SalvageButton(props: { table: 'customers' | 'receipts' }): React.JSX.Element {
  const { t } = useTranslation('backup')
  const fmt = useBackupFormat()
  const [state, setState] = useState<
    { busy: true } | { busy: false; rows?: number; unreadable?: number; error?: unknown }
  >({ busy: false })
  const save = async (): Promise<void> => {
    setState({ busy: true })
    try {
      const file = await call('exportReadable', {
        table: props.table,
        options: {
          format: 'csv',
          title: t(`files.${props.table}`),
          headers: Object.fromEntries(HEADER_IDS.map((id) => [id, t(`headers.${id}`)])),
        },
      })
      saveExportedFile(file)
      setState({ busy: false, rows: file.rows, unreadable: file.unreadable })
    } catch (error) {
      setState({ busy: false, error })
    }
  }
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        loading={state.busy}
        onClick={() => void save()}
        data-testid={`salvage-${props.table}`}
      >
        {t(props.table === 'customers' ? 'recovery.exportCustomers' : 'recovery.exportSales')}
      </Button>
      {!state.busy && state.rows !== undefined && (
        <Text size="xs" c="dimmed">
          {t('recovery.exported', {
            rows: fmt.number(state.rows),
            unreadable: fmt.number(state.unreadable ?? 0),
          })}
        </Text>
      )}
      {!state.busy && state.error !== undefined && <ErrorNotice error={state.error} />}
    </Stack>
  )
}

/** Start again with an empty database; the damaged file is kept aside. Confirmed first. */
function FreshStart(): React.JSX.Element {
  const { t } = useTranslation('backup')
  const { t: common } = useTranslation()
  const [asking, setAsking] = useState(false)
  const fresh = useStartFresh()
  return (
    <>
      <Button variant="default" color="red" onClick={() => setAsking(true)} data-testid="start-fresh">
        {t('recovery.fresh')}
      </Button>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('recovery.freshConfirmTitle')}
        centered
      >
        <Stack>
          <Text>{t('recovery.freshConfirmText')}</Text>
          {fresh.isError && <ErrorNotice error={fresh.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {common('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={fresh.isPending}
              data-testid="confirm-fresh"
              onClick={() =>
                fresh.mutate(undefined, {
                  onSuccess: ({ keptAs }) =>
                    notifications.show({ color: 'teal', message: t('recovery.freshDone', { file: keptAs }) }),
                })
              }
            >
              {t('recovery.fresh')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/**
 * Shown instead of the app when the start-up check (or opening the file) found the database damaged: what
 * happened in plain words, and the three ways on: restore a listed backup, save what can be read, start
 * afresh with the damaged file kept aside. Has its own language switch: the settings cannot be saved now.
 */
export function RecoveryScreen(props: { latest: BackupDto | null }): React.JSX.Element {
  const { t, i18n } = useTranslation('backup')
  useStaticFrameGone()
  const fmt = useBackupFormat()
  const settings = useSettings()
  const backups = useBackups()
  const [chosen, setChosen] = useState<BackupDto | null>(null)
  const [restoreJob, setRestoreJob] = useState<string | null>(null)
  const saved = settings.data?.language
  useEffect(() => {
    if (saved) setLanguage(saved)
  }, [saved])
  const others = (backups.data ?? []).filter((b) => b.id !== props.latest?.id)
  return (
    <Container size="md" py="xl" data-testid="recovery-screen">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2}>{t('recovery.title')}</Title>
          <SegmentedControl
            aria-label={t('recovery.language')}
            data-untranslated
            value={i18n.language}
            onChange={(value) => {
              if (isLanguage(value)) setLanguage(value)
            }}
            data={languages.map((language) => ({ value: language, label: ENDONYMS[language] }))}
          />
        </Group>
        <Alert color="red" variant="light">
          <Text>{t('recovery.text')}</Text>
        </Alert>
        {restoreJob && (
          <RestoreStatus
            jobId={restoreJob}
            onUndo={(id) => setChosen(backups.data?.find((b) => b.id === id) ?? null)}
          />
        )}
        <Card withBorder padding="lg">
          <Title order={4} mb={4}>
            {t('recovery.restoreTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('recovery.restoreText')}
          </Text>
          {props.latest ? (
            <Group justify="space-between" mb="md" data-testid="latest-backup">
              <Text fw={600}>
                {t('recovery.latest')}: {takenAt(fmt, props.latest)} · {t(`reason.${props.latest.reason}`)}
              </Text>
              <Button color="orange" onClick={() => setChosen(props.latest)} data-testid="restore-latest">
                {t('page.restore')}
              </Button>
            </Group>
          ) : (
            <Text mb="md">{t('recovery.noBackup')}</Text>
          )}
          {others.length > 0 && (
            <>
              <Text size="sm" fw={600} mb={4}>
                {t('recovery.otherBackups')}
              </Text>
              <BackupList backups={others} onRestore={setChosen} />
            </>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Title order={4} mb={4}>
            {t('recovery.exportTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('recovery.exportText')}
          </Text>
          <Group align="flex-start">
            <SalvageButton table="customers" />
            <SalvageButton table="receipts" />
          </Group>
        </Card>
        <Card withBorder padding="lg">
          <Title order={4} mb={4}>
            {t('recovery.freshTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('recovery.freshText')}
          </Text>
          <FreshStart />
        </Card>
      </Stack>
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} onStarted={setRestoreJob} />
    </Container>
  )
}
