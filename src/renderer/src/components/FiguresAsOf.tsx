import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { SalesPeriod } from '../../../shared/api/dashboard'
import { dayNumber } from '../../../shared/calendar'
import { useFormat } from '../format/useFormat'
import { DateField } from './DateField'

/** Data more than this many days older than today gets a notice saying how old it is. */
export const STALE_AFTER_DAYS = 7

/**
 * The one "figures up to" line of a page: the day its figures are for, which is the last sale's day unless
 * the user picked another one (then a way back). With `onPick`, a date field to choose the day.
 */
export function FiguresAsOf(props: {
  asOf: string | null
  period: SalesPeriod
  onPick?: (date: string | null) => void
  disabled?: boolean
}): React.JSX.Element {
  const { t } = useTranslation('components')
  const fmt = useFormat()
  const { asOf, period } = props
  const chosen = asOf !== null && asOf !== period.lastSaleDate
  const line =
    asOf === null ? t('asOf.noSales') : t(chosen ? 'asOf.chosen' : 'asOf.lastSale', { date: fmt.date(asOf) })
  return (
    <Group gap="sm" wrap="wrap" data-testid="figures-as-of">
      <Text c="dimmed">{line}</Text>
      {props.onPick && period.lastSaleDate && (
        <>
          <DateField
            size="xs"
            w={150}
            aria-label={t('asOf.pick')}
            value={asOf}
            max={period.today}
            disabled={props.disabled}
            onChange={(value) => {
              if (value) props.onPick?.(value)
            }}
            testId="as-of-input"
          />
          {chosen && (
            <Button size="xs" variant="subtle" disabled={props.disabled} onClick={() => props.onPick?.(null)}>
              {t('asOf.backToLast')}
            </Button>
          )}
        </>
      )}
    </Group>
  )
}

/** Says how old the data is when its last sale is more than a week before today; nothing otherwise. */
export function StaleDataNotice({ period }: { period: SalesPeriod }): React.JSX.Element | null {
  const { t } = useTranslation('components')
  const fmt = useFormat()
  if (!period.lastSaleDate) return null
  const days = dayNumber(period.today) - dayNumber(period.lastSaleDate)
  if (days <= STALE_AFTER_DAYS) return null
  return (
    <Alert color="yellow" data-testid="stale-data">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {t('asOf.stale', { date: fmt.date(period.lastSaleDate), days: fmt.number(days) })}
        </Text>
        <Button component={Link} to="/import" size="xs" variant="light">
          {t('asOf.importNewer')}
        </Button>
      </Group>
    </Alert>
  )
}
