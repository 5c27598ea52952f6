import { Card, ScrollArea, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Cohorts } from '../../../../shared/api/analysis'
import { useFormat } from '../../format/useFormat'
import classes from './analysis.module.css'
import { heatColour } from './heatColour'

/**
 * Acquisition cohorts: a row per month of first purchase, a column per month after it, each cell the share
 * of the cohort who bought in that month (coloured by that share). Month 0 is always everyone.
 */
export function CohortMatrix(props: { cohorts: Cohorts['cohorts'] }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const width = Math.max(0, ...props.cohorts.map((c) => c.retention.length))
  const offsets = Array.from({ length: width }, (_, k) => k)
  return (
    <Card withBorder padding="lg">
      <Title order={4}>{t('cohorts.matrix.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('cohorts.matrix.hint')}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <table className={classes.cohortTable} data-testid="cohort-matrix">
          <thead>
            <tr>
              <th />
              <th />
              <th colSpan={width}>{t('cohorts.matrix.monthsAfter')}</th>
            </tr>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>
                {t('cohorts.matrix.cohort')}
              </th>
              <th scope="col" style={{ textAlign: 'right' }}>
                {t('cohorts.matrix.customers')}
              </th>
              {offsets.map((k) => (
                <th key={k} scope="col">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.cohorts.map((cohort) => (
              <tr key={cohort.month} data-month={cohort.month}>
                <th scope="row" style={{ textAlign: 'left' }}>
                  {fmt.monthLong(cohort.month)}
                </th>
                <td style={{ textAlign: 'right', paddingRight: 8 }}>{fmt.number(cohort.customers)}</td>
                {offsets.map((k) => {
                  const share = cohort.retention[k]
                  if (share === undefined) return <td key={k} />
                  return (
                    <td
                      key={k}
                      className={classes.cohortCell}
                      style={heatColour(share)}
                      data-heat
                      title={t('cohorts.matrix.cellTitle', {
                        active: fmt.number(cohort.active[k] ?? 0),
                        customers: fmt.number(cohort.customers),
                        k,
                      })}
                    >
                      {fmt.percent(share)}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Card>
  )
}
