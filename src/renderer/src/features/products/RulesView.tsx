import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BasketLevel, BasketRule } from '../../../../shared/api/products'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { SortHeader, type Direction } from '../analysis/SortHeader'
import { useBasketRulesJob } from './queries'
import { BasketJobProgress } from './BasketJobProgress'

type SortKey = 'support' | 'confidence' | 'lift' | 'leverage' | 'conviction'
const SORT_KEYS: SortKey[] = ['support', 'confidence', 'lift', 'leverage', 'conviction']
const ROWS = 200

const names = (items: BasketRule['antecedent']): string => items.map((i) => i.name).join(' + ')
const sortValue = (rule: BasketRule, key: SortKey): number =>
  key === 'conviction' ? (rule.conviction ?? Number.POSITIVE_INFINITY) : rule[key]

/** The rules table: parameters, a filter by item, sortable by every measure. */
export function RulesView(): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const [level, setLevel] = useState<BasketLevel>('product')
  const [supportPct, setSupportPct] = useState(0.2)
  const [confidencePct, setConfidencePct] = useState(10)
  const [maxSize, setMaxSize] = useState(3)
  const [minLift, setMinLift] = useState(1)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'lift', direction: 'desc' })
  const [params] = useDebouncedValue(
    { level, minSupport: supportPct / 100, minConfidence: confidencePct / 100, maxSize, minLift },
    300,
  )
  const { job, rules, startError, restart } = useBasketRulesJob(params)
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const list = (rules?.rules ?? []).filter(
      (r) =>
        needle === '' ||
        [...r.antecedent, ...r.consequent].some((i) => i.name.toLowerCase().includes(needle)),
    )
    const sign = sort.direction === 'asc' ? 1 : -1
    return list.sort((a, b) => sign * (sortValue(a, sort.key) - sortValue(b, sort.key)) || 0)
  }, [rules, filter, sort])
  const toggle = (key: SortKey): void =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'desc' ? 'asc' : 'desc' }))
  const num = (v: number | string, fallback: number): number => (typeof v === 'number' ? v : fallback)

  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Title order={4} mb="xs">
          {t('rules.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('rules.help', { confidence: fmt.percent(confidencePct / 100) })}
        </Text>
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('rules.level')}
            </Text>
            <SegmentedControl
              value={level}
              onChange={(v) => setLevel(v === 'category' ? 'category' : 'product')}
              data={[
                { value: 'product', label: t('rules.levelProduct') },
                { value: 'category', label: t('rules.levelCategory') },
              ]}
            />
          </Stack>
          <NumberInput
            label={t('rules.minSupport')}
            value={supportPct}
            onChange={(v) => setSupportPct(num(v, supportPct))}
            min={0.01}
            max={100}
            step={0.1}
            decimalScale={2}
            w={180}
            data-testid="rules-min-support"
          />
          <NumberInput
            label={t('rules.minConfidence')}
            value={confidencePct}
            onChange={(v) => setConfidencePct(num(v, confidencePct))}
            min={0}
            max={100}
            step={5}
            w={160}
          />
          <NumberInput
            label={t('rules.maxSize')}
            value={maxSize}
            onChange={(v) => setMaxSize(num(v, maxSize))}
            min={2}
            max={10}
            w={160}
          />
          <NumberInput
            label={t('rules.minLift')}
            value={minLift}
            onChange={(v) => setMinLift(num(v, minLift))}
            min={0}
            step={0.5}
            decimalScale={2}
            w={120}
          />
          <TextInput
            label={t('rules.filter')}
            placeholder={t('rules.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={220}
            data-testid="rules-filter"
          />
        </Group>
      </Card>
      {startError ? (
        <ErrorNotice error={startError} onRetry={restart} />
      ) : job?.state === 'failed' && job.error ? (
        <ErrorNotice error={job.error} onRetry={restart} />
      ) : job?.state === 'cancelled' ? (
        <Card withBorder padding="md" data-testid="rules-cancelled">
          <Group justify="space-between">
            <Text>{t('job.cancelled')}</Text>
            <Button variant="light" onClick={restart}>
              {t('job.again')}
            </Button>
          </Group>
        </Card>
      ) : (
        job && job.state !== 'done' && <BasketJobProgress job={job} />
      )}
      {rules === null ? (
        job?.state === 'running' || job?.state === 'queued' || (!job && !startError) ? (
          <PageLoader />
        ) : null
      ) : (
        <Card withBorder padding="lg">
          <Text size="sm" mb="xs" data-testid="rules-summary">
            {t('rules.summary', {
              baskets: fmt.number(rules.baskets),
              itemsets: fmt.number(rules.itemsets),
              minCount: fmt.number(rules.minCount),
              rules: fmt.number(rules.totalRules),
            })}
          </Text>
          {rules.totalRules > rules.rules.length && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('rules.shown', {
                shown: fmt.number(rules.rules.length),
                total: fmt.number(rules.totalRules),
              })}
            </Text>
          )}
          {shown.length === 0 ? (
            <Text c="dimmed">{t('rules.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table data-testid="rules-table" striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rules.antecedent')}</Table.Th>
                    <Table.Th>{t('rules.consequent')}</Table.Th>
                    {SORT_KEYS.map((key) => (
                      <SortHeader
                        key={key}
                        active={sort.key === key}
                        direction={sort.direction}
                        onSort={() => toggle(key)}
                        align="right"
                        testId={`rules-sort-${key}`}
                      >
                        {t(`rules.${key}`)}
                      </SortHeader>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.slice(0, ROWS).map((r) => (
                    <Table.Tr key={`${names(r.antecedent)}>${names(r.consequent)}`}>
                      <Table.Td data-untranslated>{names(r.antecedent)}</Table.Td>
                      <Table.Td data-untranslated>{names(r.consequent)}</Table.Td>
                      {/* supports are small shares: two decimals of a per cent */}
                      <Table.Td ta="right">{`${fmt.number(r.support * 100, 2)}%`}</Table.Td>
                      <Table.Td ta="right">{fmt.percent(r.confidence)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(r.lift, 2)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(r.leverage, 4)}</Table.Td>
                      <Table.Td ta="right">
                        {r.conviction === null ? t('rules.infinite') : fmt.number(r.conviction, 2)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  )
}
