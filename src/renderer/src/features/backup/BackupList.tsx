import { Button, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../shared/api/backup'
import { megabytes, takenAt, useBackupFormat } from './labels'

/** The backups, newest first, each with its restore button. */
export function BackupList(props: {
  backups: BackupDto[]
  onRestore: (backup: BackupDto) => void
  disabled?: boolean
}): React.JSX.Element {
  const { t } = useTranslation('backup')
  const fmt = useBackupFormat()
  if (props.backups.length === 0) return <Text c="dimmed">{t('page.empty')}</Text>
  return (
    <Table striped verticalSpacing="xs" data-testid="backup-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('page.when')}</Table.Th>
          <Table.Th>{t('page.reason')}</Table.Th>
          <Table.Th ta="right">{t('page.size')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.backups.map((b) => (
          <Table.Tr key={b.id} data-backup-id={b.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{takenAt(fmt, b)}</Table.Td>
            <Table.Td>{t(`reason.${b.reason}`)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('size', { mb: megabytes(fmt, b.bytes) })}
            </Table.Td>
            <Table.Td ta="right">
              <Button size="xs" variant="light" disabled={props.disabled} onClick={() => props.onRestore(b)}>
                {t('page.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
