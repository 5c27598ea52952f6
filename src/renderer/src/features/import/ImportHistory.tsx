import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  presetChoiceSchema,
  type importRecordSchema,
  type undoResultSchema,
} from '../../../../shared/api/import'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { dateTime } from './labels'
import { useImportHistory, useUndoImport } from './queries'

type ImportRecord = z.infer<typeof importRecordSchema>
type UndoResult = z.infer<typeof undoResultSchema>

const STATUS_COLOR: Record<ImportRecord['status'], string> = {
  running: 'blue',
  done: 'teal',
  failed: 'gray',
  undone: 'orange',
}

function StatusBadge(props: { record: ImportRecord }): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const r = props.record
  return (
    // the whole Thai status must show ("นำเข้าแล้ว", not "นำเข้าแ…"): no fixed height, no ellipsis
    <Badge
      color={STATUS_COLOR[r.status]}
      variant="light"
      styles={{
        root: { height: 'auto', maxWidth: 'none' },
        label: { overflow: 'visible', whiteSpace: 'nowrap' },
      }}
    >
      {r.status === 'undone'
        ? t('history.state.undone', { date: fmt.date(r.undoneAt ?? r.startedAt) })
        : t(`history.state.${r.status}`)}
    </Badge>
  )
}

function UndoModal(props: {
  record: ImportRecord | null
  onClose: () => void
  onUndone: (result: UndoResult) => void
}): React.JSX.Element {
  const { t } = useTranslation('import')
  const { t: common } = useTranslation()
  const fmt = useFormat()
  const undo = useUndoImport()
  const r = props.record
  const confirm = (): void => {
    if (!r) return
    undo.mutate(r.id, {
      onSuccess: (result) => {
        props.onUndone(result)
        props.onClose()
      },
    })
  }
  return (
    <Modal opened={r !== null} onClose={props.onClose} title={t('history.confirmTitle')} centered>
      {r && (
        <Stack>
          <Text fw={600} data-untranslated>
            {r.fileName}
          </Text>
          <Text>
            {t('history.confirmText', {
              receipts: fmt.number(r.receiptsAdded),
              customers: fmt.number(r.customersCreated),
            })}
          </Text>
          {undo.isError && <ErrorNotice error={undo.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {common('actions.cancel')}
            </Button>
            <Button color="red" loading={undo.isPending} onClick={confirm}>
              {t('history.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

/** Every import with its counts; a whole import can be undone. */
export function ImportHistory(): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const history = useImportHistory()
  const [undoing, setUndoing] = useState<ImportRecord | null>(null)
  const [undone, setUndone] = useState<UndoResult | null>(null)
  const layout = (preset: string): string => {
    const known = presetChoiceSchema.safeParse(preset)
    return known.success ? t(`preset.${known.data}`) : preset
  }
  return (
    <Card withBorder padding="lg" data-testid="import-history">
      <Title order={3} mb="md">
        {t('history.title')}
      </Title>
      {undone && (
        <Alert color="teal" mb="md" withCloseButton={false} data-testid="undone">
          {t('history.undone', {
            receipts: fmt.number(undone.receiptsRemoved),
            customers: fmt.number(undone.customersRemoved),
          })}
        </Alert>
      )}
      {history.isPending && <PageLoader />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.imports.length === 0 && <Text c="dimmed">{t('history.empty')}</Text>}
      {history.data && history.data.imports.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.when')}</Table.Th>
                <Table.Th>{t('history.file')}</Table.Th>
                <Table.Th>{t('history.layout')}</Table.Th>
                <Table.Th>{t('history.status')}</Table.Th>
                <Table.Th ta="right">{t('history.receipts')}</Table.Th>
                <Table.Th ta="right">{t('history.lines')}</Table.Th>
                <Table.Th ta="right">{t('history.customers')}</Table.Th>
                <Table.Th ta="right">{t('history.rejected')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.imports.map((r) => (
                <Table.Tr key={r.id} data-testid={`import-${r.id}`}>
                  <Table.Td>{dateTime(fmt, r.startedAt)}</Table.Td>
                  <Table.Td data-untranslated>{r.fileName}</Table.Td>
                  <Table.Td>{layout(r.preset)}</Table.Td>
                  <Table.Td>
                    <StatusBadge record={r} />
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(r.receiptsAdded)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(r.linesAdded)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(r.customersCreated)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(r.rowsRejected)}</Table.Td>
                  <Table.Td ta="right">
                    {r.status === 'done' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setUndoing(r)}>
                        {t('history.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <UndoModal record={undoing} onClose={() => setUndoing(null)} onUndone={setUndone} />
    </Card>
  )
}
