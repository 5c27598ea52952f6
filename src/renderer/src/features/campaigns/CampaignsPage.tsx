import { Button } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'
import { CampaignDetail } from './CampaignDetail'
import { CampaignForm } from './CampaignForm'
import { CampaignList } from './CampaignList'

/** Campaigns: the list, a new campaign (?new=1, optionally &segment=KEY or &filter=ID), one campaign (?id=N). */
export function CampaignsPage(): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const [params, setParams] = useSearchParams()
  const id = Number(params.get('id'))
  if (id > 0) return <CampaignDetail id={id} onBack={() => setParams({})} />
  if (params.get('new') === '1')
    return (
      <CampaignForm
        segment={params.get('segment')}
        filterId={Number(params.get('filter')) || null}
        onCancel={() => setParams({})}
        onCreated={(created) => setParams({ id: String(created) })}
      />
    )
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button onClick={() => setParams({ new: '1' })} data-testid="campaign-new">
            {t('newCampaign')}
          </Button>
        }
      />
      <CampaignList onOpen={(open) => setParams({ id: String(open) })} />
    </>
  )
}
