import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'
import { ChooseStep } from './ChooseStep'
import { JobStep } from './JobStep'
import { PreviewStep } from './PreviewStep'
import { useImportSession } from './session'

/** The Import page: choose a file, check and map it, import it with progress, see the summary. */
export function ImportPage(): React.JSX.Element {
  const { t } = useTranslation('import')
  const session = useImportSession()
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {(session.step === 'choose' || session.step === 'uploading') && <ChooseStep session={session} />}
      {session.step === 'preview' && <PreviewStep file={session} />}
      {session.step === 'job' && <JobStep job={session} />}
    </>
  )
}
