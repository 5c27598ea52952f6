import { DateInput, type DateInputProps } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { parseDateInput } from '../../../shared/format/dates'
import { useFormat } from '../format/useFormat'

/**
 * A date field in the user's calendar: the value shows as '28 พ.ค. 2569' (Buddhist era) or '28 May 2026'
 * per the settings, the calendar's month and year headings and year lists use the same era, and typed dates
 * are read day first with a Buddhist-era or Gregorian year ('28/5/2569', '28/5/2026', '2026-05-28').
 * Values in and out are ISO dates (YYYY-MM-DD) or null.
 */
export function DateField(
  props: {
    value: string | null
    onChange: (value: string | null) => void
    min?: string
    max?: string
    testId?: string
  } & Pick<DateInputProps, 'label' | 'size' | 'disabled' | 'clearable' | 'error' | 'w' | 'aria-label'>,
): React.JSX.Element {
  const { t } = useTranslation('components')
  const fmt = useFormat()
  const { value, onChange, min, max, testId, ...input } = props
  return (
    <DateInput
      {...input}
      value={value}
      onChange={onChange}
      minDate={min}
      maxDate={max}
      placeholder={t('dateField.placeholder')}
      valueFormat={(date) => fmt.date(date)}
      dateParser={(text) => parseDateInput(text)}
      monthLabelFormat={(date) => fmt.monthLong(date.slice(0, 7))}
      yearLabelFormat={(date) => fmt.year(date)}
      decadeLabelFormat={(start, end) => `${fmt.year(start)} – ${fmt.year(end)}`}
      yearsListFormat={(date) => fmt.year(date)}
      monthsListFormat={(date) => fmt.monthShort(date)}
      weekdayFormat={(date) => fmt.weekdayShort(date)}
      ariaLabels={{
        previousMonth: t('dateField.previousMonth'),
        nextMonth: t('dateField.nextMonth'),
        previousYear: t('dateField.previousYear'),
        nextYear: t('dateField.nextYear'),
        previousDecade: t('dateField.previousDecade'),
        nextDecade: t('dateField.nextDecade'),
        monthLevelControl: t('dateField.monthLevel'),
        yearLevelControl: t('dateField.yearLevel'),
      }}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
    />
  )
}
