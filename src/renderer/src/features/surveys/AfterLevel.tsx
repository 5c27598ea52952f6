import { Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SurveyAnalysis } from '../../../../shared/api/surveys'
import { SMALL_SAMPLE } from './constants'
import { useFormat } from '../../format/useFormat'

/** Bought again within 30/60/90 days, and average spend in the next 90 days, by overall level. */
export function AfterLevel({ analysis }: { analysis: SurveyAnalysis }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const windows = analysis.afterLevel[0]?.within.map((w) => w.days) ?? []
  return (
    <Card withBorder padding="lg">
      <Title order={4}>{t('after.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('after.hint', { date: analysis.salesUntil ? fmt.date(analysis.salesUntil) : '–' })}
      </Text>
      <Table striped data-testid="surveys-after-level">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('after.level')}</Table.Th>
            <Table.Th ta="right">{t('after.responses')}</Table.Th>
            {windows.map((days) => (
              <Table.Th key={days} ta="right">
                {t('after.within', { days })}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('after.spend')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.afterLevel.map((row) => (
            <Table.Tr key={row.level}>
              <Table.Td>{t(`level.${row.level}`)}</Table.Td>
              <Table.Td ta="right">{fmt.number(row.responses)}</Table.Td>
              {row.within.map((w) => (
                <Table.Td key={w.days} ta="right" c={w.eligible < SMALL_SAMPLE ? 'dimmed' : undefined}>
                  {w.eligible
                    ? `${fmt.percent(w.boughtAgain / w.eligible)} (${fmt.number(w.eligible)})`
                    : t('after.none')}
                </Table.Td>
              ))}
              <Table.Td ta="right" c={row.eligible90 < SMALL_SAMPLE ? 'dimmed' : undefined}>
                {row.eligible90 ? fmt.baht(Math.round(row.spend90Satang / row.eligible90)) : t('after.none')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
