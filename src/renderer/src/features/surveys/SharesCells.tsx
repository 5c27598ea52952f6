import { Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SharesDto } from '../../../../shared/api/surveys'
import { useFormat } from '../../format/useFormat'

/** The cells every survey table shares: answers, the three shares, net delight with its range, a small-sample flag. */
export function SharesCells({ s }: { s: SharesDto }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const dim = s.small ? 'dimmed' : undefined
  return (
    <>
      <Table.Td ta="right">
        <Text span size="sm" c={dim}>
          {fmt.number(s.n)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{fmt.percent(s.delighted)}</Table.Td>
      <Table.Td ta="right">{fmt.percent(s.satisfied)}</Table.Td>
      <Table.Td ta="right">{fmt.percent(s.disappointed)}</Table.Td>
      <Table.Td ta="right">
        <Text span size="sm" fw={600} c={dim}>
          {s.netDelight === null ? '–' : fmt.percent(s.netDelight)}
        </Text>
        {s.low !== null && s.high !== null && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({fmt.percent(s.low)} … {fmt.percent(s.high)})
          </Text>
        )}
        {s.small && (
          <Badge ml={6} size="xs" color="yellow" variant="light">
            {t('priorities.smallFlag')}
          </Badge>
        )}
      </Table.Td>
    </>
  )
}

export function SharesHead(): React.JSX.Element {
  const { t } = useTranslation('surveys')
  return (
    <>
      <Table.Th ta="right">{t('priorities.n')}</Table.Th>
      <Table.Th ta="right">{t('level.delighted')}</Table.Th>
      <Table.Th ta="right">{t('level.satisfied')}</Table.Th>
      <Table.Th ta="right">{t('level.disappointed')}</Table.Th>
      <Table.Th ta="right">{t('priorities.net')}</Table.Th>
    </>
  )
}
