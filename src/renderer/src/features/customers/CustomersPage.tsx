import { Tabs } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'
import { useFormat } from '../../format/useFormat'
import { useSegmentsOverview } from '../analysis/queries'
import { segmentNamer } from '../analysis/segmentText'
import { CustomerList } from './CustomerList'
import { CustomerProfilePage } from './CustomerProfilePage'
import { DuplicatesView } from './DuplicatesView'

/** The customer book: the list (or one customer's profile, ?id=) and the duplicates. */
export function CustomersPage(): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const [params, setParams] = useSearchParams()
  const overview = useSegmentsOverview()
  const segmentName = segmentNamer(overview.data?.segments ?? [], fmt.language)
  const id = Number(params.get('id'))
  const tab = params.get('tab') === 'duplicates' ? 'duplicates' : 'list'
  if (id > 0) return <CustomerProfilePage customerId={id} onBack={() => setParams({})} />
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={tab} onChange={(v) => setParams(v === 'duplicates' ? { tab: 'duplicates' } : {})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">{t('tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="duplicates" data-testid="tab-duplicates">
            {t('tabs.duplicates')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          {tab === 'list' && (
            <CustomerList
              onOpen={(customerId) => setParams({ id: String(customerId) })}
              segmentName={segmentName}
              segmentIds={(overview.data?.segments ?? []).map((s) => s.id)}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="duplicates">{tab === 'duplicates' && <DuplicatesView />}</Tabs.Panel>
      </Tabs>
    </>
  )
}
