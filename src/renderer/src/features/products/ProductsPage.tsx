import { Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { PrintButton } from '../reports/PrintButton'
import { BoughtTogetherView } from './BoughtTogetherView'
import { OverviewView } from './OverviewView'
import { RulesView } from './RulesView'
import { SuggestionsView } from './SuggestionsView'
import { TargetListView } from './TargetListView'

const VIEWS = ['overview', 'rules', 'together', 'suggestions', 'targets'] as const
type View = (typeof VIEWS)[number]
const isView = (v: string | null): v is View => VIEWS.some((view) => view === v)

/** Products and baskets: best sellers, rules, bought together, suggestions, target list; the tab is in the URL. */
export function ProductsPage(): React.JSX.Element {
  const { t } = useTranslation('products')
  const [params, setParams] = useSearchParams()
  const viewParam = params.get('view')
  const view: View = isView(viewParam) ? viewParam : 'overview'
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<PrintButton request={{ report: 'baskets' }} testId="products-print" />}
      />
      <Tabs
        value={view}
        onChange={(next) => setParams(next && next !== 'overview' ? { view: next } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`products-tab-${v}`}>
              {t(`tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewView />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesView />
        </Tabs.Panel>
        <Tabs.Panel value="together">
          <BoughtTogetherView />
        </Tabs.Panel>
        <Tabs.Panel value="suggestions">
          <SuggestionsView />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <TargetListView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
