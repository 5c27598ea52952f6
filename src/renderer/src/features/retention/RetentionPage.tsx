import { Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AsOfHeader, useChosenAsOf } from './AsOfHeader'
import { ListView } from './ListView'
import { ChurnTable, SecondPurchaseTable } from './MonthTables'

const VIEWS = ['at_risk', 'win_back', 'second', 'birthdays', 'churn'] as const
type View = (typeof VIEWS)[number]
const isView = (v: string | null): v is View => VIEWS.some((view) => view === v)

/** Retention: at risk, win-back, second purchases, birthdays, churn by month; the tab and as-of day in the URL. */
export function RetentionPage(): React.JSX.Element {
  const { t } = useTranslation('retention')
  const [params, setParams] = useSearchParams()
  const [asOf] = useChosenAsOf()
  const viewParam = params.get('view')
  const view: View = isView(viewParam) ? viewParam : 'at_risk'
  return (
    <Stack gap="md">
      <AsOfHeader title={t('retentionTitle')} subtitle={t('retentionSubtitle')} />
      <Tabs
        value={view}
        onChange={(next) =>
          setParams((prev) => {
            const p = new URLSearchParams(prev)
            p.set('view', next ?? 'at_risk')
            return p
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`retention-tab-${v}`}>
              {t(`tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="at_risk">
          <ListView list="at_risk" asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="win_back">
          <ListView list="win_back" asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="second">
          <Stack gap="lg">
            <SecondPurchaseTable asOf={asOf} />
            <ListView list="not_returned" asOf={asOf} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="birthdays">
          <ListView list="birthdays" asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="churn">
          <ChurnTable asOf={asOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
