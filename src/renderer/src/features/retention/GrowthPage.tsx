import { Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AsOfHeader, useChosenAsOf } from './AsOfHeader'
import { AcquisitionView, ReferralSummaryCards, RevenueView } from './GrowthViews'
import { ListView } from './ListView'

const VIEWS = ['acquisition', 'referrals', 'revenue'] as const
type View = (typeof VIEWS)[number]
const isView = (v: string | null): v is View => VIEWS.some((view) => view === v)

/** Growth: new customers by source, referrals, new vs returning revenue and the year's growth by source. */
export function GrowthPage(): React.JSX.Element {
  const { t } = useTranslation('retention')
  const [params, setParams] = useSearchParams()
  const [asOf] = useChosenAsOf()
  const viewParam = params.get('view')
  const view: View = isView(viewParam) ? viewParam : 'acquisition'
  return (
    <Stack gap="md">
      <AsOfHeader title={t('growthTitle')} subtitle={t('growthSubtitle')} />
      <Tabs
        value={view}
        onChange={(next) =>
          setParams((prev) => {
            const p = new URLSearchParams(prev)
            p.set('view', next ?? 'acquisition')
            return p
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`growth-tab-${v}`}>
              {t(`tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="acquisition">
          <AcquisitionView asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="referrals">
          <Stack gap="lg">
            <ReferralSummaryCards asOf={asOf} />
            <ListView list="referrers" asOf={asOf} />
            <ListView list="referred" asOf={asOf} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="revenue">
          <RevenueView asOf={asOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
