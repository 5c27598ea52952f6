import { Stack } from '@mantine/core'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { DropZone } from './DropZone'
import { ImportHistory } from './ImportHistory'
import { ImportStepper } from './ImportStepper'
import { MergeSuggestions } from './MergeSuggestions'
import { setImportSession, type ImportSession } from './session'
import { TemplateCard } from './TemplateCard'
import { uploadFile } from './transfer'

/** Step 1: a file comes in (dropped or chosen) and is sent to main; below, the template and the history. */
export function ChooseStep(props: {
  session: Extract<ImportSession, { step: 'choose' | 'uploading' }>
}): React.JSX.Element {
  const [error, setError] = useState<unknown>(null)

  const send = async (file: File): Promise<void> => {
    setError(null)
    const sending = { step: 'uploading' as const, fileName: file.name, size: file.size }
    setImportSession({ ...sending, sent: 0 })
    try {
      const fileId = await uploadFile(file, (sent) => setImportSession({ ...sending, sent }))
      setImportSession({ step: 'preview', fileId, fileName: file.name, options: {} })
    } catch (e) {
      setError(e)
      setImportSession({ step: 'choose' })
    }
  }

  const session = props.session
  return (
    <Stack gap="lg">
      <ImportStepper active={0} />
      <DropZone onFile={(file) => void send(file)} sending={session.step === 'uploading' ? session : null} />
      {error !== null && <ErrorNotice error={error} />}
      <TemplateCard />
      <ImportHistory />
      <MergeSuggestions />
    </Stack>
  )
}
