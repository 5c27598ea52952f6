import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../shared/api/backup'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useStartRestore } from './queries'
import { takenAt, useBackupFormat } from './labels'

/** "Restore this backup?" with what it means (an undo point is kept first); starts the restore job. */
export function RestoreDialog(props: {
  backup: BackupDto | null
  onClose: () => void
  onStarted: (jobId: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('backup')
  const { t: common } = useTranslation()
  const fmt = useBackupFormat()
  const restore = useStartRestore()
  const b = props.backup
  return (
    <Modal opened={b !== null} onClose={props.onClose} title={t('confirm.title')} centered size="lg">
      {b && (
        <Stack>
          <Text>{t('confirm.text', { date: takenAt(fmt, b) })}</Text>
          <Text size="sm" c="dimmed">
            {t('confirm.erasures')}
          </Text>
          {restore.isError && <ErrorNotice error={restore.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {common('actions.cancel')}
            </Button>
            <Button
              color="orange"
              loading={restore.isPending}
              data-testid="confirm-restore"
              onClick={() =>
                restore.mutate(b.id, {
                  onSuccess: ({ jobId }) => {
                    props.onStarted(jobId)
                    props.onClose()
                  },
                })
              }
            >
              {t('confirm.restore')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
