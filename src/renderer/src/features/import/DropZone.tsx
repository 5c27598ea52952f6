import { Button, FileButton, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../format/useFormat'

const ACCEPT =
  '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface Sending {
  fileName: string
  size: number
  sent: number
}

/** Drop a file here or choose one with the button; while a file is being sent it shows how far it is. */
export function DropZone(props: {
  onFile: (file: File) => void
  sending: Sending | null
}): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const [over, setOver] = useState(false)

  const dragOver = (event: DragEvent): void => {
    event.preventDefault() // without this the browser opens the file instead of dropping it here
    event.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }
  const drop = (event: DragEvent): void => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file && !props.sending) props.onFile(file)
  }

  const sending = props.sending
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      data-testid="import-drop"
      onDragEnter={dragOver}
      onDragOver={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack align="center" gap="sm" py="lg">
        {sending ? (
          <>
            <Text fw={600} data-untranslated>
              {sending.fileName}
            </Text>
            <Text>
              {t('drop.sending', {
                percent: fmt.percent(sending.size ? sending.sent / sending.size : 1),
              })}
            </Text>
            <Progress
              w="60%"
              value={sending.size ? (100 * sending.sent) / sending.size : 100}
              animated
              aria-label={t('drop.reading')}
            />
          </>
        ) : (
          <>
            <Title order={3}>{over ? t('drop.dropping') : t('drop.title')}</Title>
            <Text c="dimmed">{t('drop.or')}</Text>
            <FileButton onChange={(file) => file && props.onFile(file)} accept={ACCEPT}>
              {(buttonProps) => (
                <Button size="md" {...buttonProps}>
                  {t('drop.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" ta="center" maw={560}>
              {t('drop.hint')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  )
}
