import { Stack, Text } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useSalesPeriod } from '../../api/salesPeriod'
import { FiguresAsOf, StaleDataNotice } from '../../components/FiguresAsOf'
import { PageHeader } from '../../components/PageHeader'

/** The page's as-of day: ?asOf=YYYY-MM-DD when the user picked one, else null (the last sale's day). */
export function useChosenAsOf(): [string | null, (date: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const chosen = params.get('asOf')
  return [
    chosen,
    (date) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev)
        if (date) next.set('asOf', date)
        else next.delete('asOf')
        return next
      }),
  ]
}

/** Title, the one "figures up to" line with its date picker, and the stale-data notice. */
export function AsOfHeader(props: { title: string; subtitle: string }): React.JSX.Element {
  const period = useSalesPeriod().data
  const [chosen, setChosen] = useChosenAsOf()
  const asOf = chosen ?? period?.lastSaleDate ?? null
  return (
    <Stack gap="xs">
      <PageHeader
        title={props.title}
        subtitle={
          <Stack gap={2}>
            <Text c="dimmed">{props.subtitle}</Text>
            {period && (
              <FiguresAsOf
                asOf={asOf}
                period={period}
                onPick={(date) => setChosen(date && date !== period.lastSaleDate ? date : null)}
              />
            )}
          </Stack>
        }
      />
      {period && <StaleDataNotice period={period} />}
    </Stack>
  )
}
