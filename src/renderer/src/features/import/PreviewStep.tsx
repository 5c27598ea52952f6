import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOptionsDto, ImportPreview } from '../../../../shared/api/import'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ImportStepper } from './ImportStepper'
import { MappingWizard } from './MappingWizard'
import { useDiscardFile, usePreview, useStartImport } from './queries'
import { RawRows } from './RawRows'
import { ReadSettings } from './ReadSettings'
import { SampleTable } from './SampleTable'
import { setImportSession, type ChosenFile } from './session'

function FileCard(props: { preview: ImportPreview; onAnother: () => void }): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const p = props.preview
  const last = p.previousImports.findLast((i) => i.status === 'done')
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={600} size="lg" data-untranslated data-testid="preview-file-name">
            {p.fileName}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`file.${p.format}`)} ·{' '}
            {t('file.size', { size: fmt.number(Math.max(1, Math.round(p.size / 1024))) })}
          </Text>
        </Stack>
        <Button variant="default" onClick={props.onAnother}>
          {t('file.another')}
        </Button>
      </Group>
      {last && (
        <Alert color="yellow" mt="md" data-testid="imported-before">
          {t('file.again', { date: fmt.date(last.startedAt), lines: fmt.number(last.linesAdded) })}
        </Alert>
      )}
    </Card>
  )
}

/** Step 2: the file as Lukkha reads it, the questions that need the user, the column mapping, a mapped sample. */
export function PreviewStep(props: { file: ChosenFile }): React.JSX.Element {
  const { t } = useTranslation('import')
  const file = props.file
  const preview = usePreview(file.fileId, file.options)
  const start = useStartImport()
  const discard = useDiscardFile()
  const data = preview.data

  const setOptions = (options: ImportOptionsDto, guessed = file.guessed): void => {
    setImportSession({ ...file, step: 'preview', options, guessed })
  }

  // A header Lukkha does not know and no mapping saved for it: start the wizard from the engine's guess, so
  // the sample shows at once and the user only corrects it.
  const proposal = data && !data.mapping && !file.options.mapping ? data.proposal : null
  useEffect(() => {
    if (proposal) setOptions({ ...file.options, preset: 'generic', mapping: proposal }, true)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- adopt each new proposal once, not on every render
  }, [proposal])

  const another = (): void => {
    discard.mutate(file.fileId)
    setImportSession({ step: 'choose' })
  }
  const begin = (): void => {
    start.mutate(
      { fileId: file.fileId, options: file.options },
      { onSuccess: ({ jobId }) => setImportSession({ ...file, step: 'job', jobId }) },
    )
  }

  if (preview.isError) {
    return (
      <Stack gap="lg">
        <ImportStepper active={1} />
        <ErrorNotice error={preview.error} />
        <Group>
          {Object.keys(file.options).length > 0 && (
            <Button onClick={() => setOptions({}, false)}>{t('file.reset')}</Button>
          )}
          <Button variant="default" onClick={another}>
            {t('file.another')}
          </Button>
        </Group>
      </Stack>
    )
  }
  if (!data) {
    return (
      <>
        <ImportStepper active={1} />
        <PageLoader />
      </>
    )
  }
  return (
    <Stack gap="lg" data-testid="import-preview">
      <ImportStepper active={1} />
      <FileCard preview={data} onAnother={another} />
      <ReadSettings preview={data} options={file.options} onChange={setOptions} />
      <RawRows preview={data} />
      <MappingWizard
        preview={data}
        options={file.options}
        guessed={file.guessed ?? false}
        onChange={setOptions}
      />
      <SampleTable preview={data} />
      {start.isError && <ErrorNotice error={start.error} />}
      <Group justify="flex-end" align="center">
        {!data.ready && (
          <Text c="dimmed" size="sm">
            {t('start.notReady')}
          </Text>
        )}
        <Button
          size="md"
          disabled={!data.ready || preview.isFetching}
          loading={start.isPending}
          onClick={begin}
        >
          {t('start.action')}
        </Button>
      </Group>
    </Stack>
  )
}
