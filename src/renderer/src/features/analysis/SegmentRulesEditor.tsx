import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SegmentRules, SegmentsOverview } from '../../../../shared/api/analysis'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useRunAnalysis } from './analysisJob'
import { analysisKeys, useSegmentsOverview } from './queries'
import { segmentName } from './segmentText'

const R = [5, 4, 3, 2, 1]
const FM = [1, 2, 3, 4, 5]
const key = (r: number, fm: number): string => `${r} ${fm}`

/** Which segment owns each (R, FM) cell under a map. */
function owners(rules: SegmentRules): Map<string, string> {
  const out = new Map<string, string>()
  for (const s of rules.segments) for (const c of s.cells) out.set(key(c.r, c.fm), s.id)
  return out
}

/** Customers per segment if the latest run's customers were grouped by `cellOwner`. */
function countsUnder(overview: SegmentsOverview, cellOwner: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const cell of overview.grid) {
    const owner = cellOwner.get(key(cell.r, cell.fm)) ?? ''
    counts.set(owner, (counts.get(owner) ?? 0) + cell.customers)
  }
  return counts
}

/**
 * The segment map editor: which segment each R x FM cell belongs to, each segment's name and advice (in the
 * UI language), a preview of how many of the latest run's customers change segment, save (then rerun) and
 * reset to the default map.
 */
export function SegmentRulesEditor(props: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const queryClient = useQueryClient()
  const analysis = useRunAnalysis()
  const overview = useSegmentsOverview()
  const stored = useQuery({
    queryKey: [...analysisKeys.all, 'rules'],
    queryFn: () => call('getSegmentRules'),
  })
  const [draft, setDraft] = useState<SegmentRules | null>(null)
  const rules = draft ?? stored.data ?? null
  const after = useMemo(() => (rules ? owners(rules) : new Map<string, string>()), [rules])
  const before = useMemo(
    () => new Map(overview.data?.grid.map((c) => [key(c.r, c.fm), c.segment]) ?? []),
    [overview.data],
  )
  const saved = async (result: Promise<unknown>): Promise<void> => {
    await result
    setDraft(null)
    await queryClient.invalidateQueries({ queryKey: analysisKeys.all })
    void analysis.start()
  }
  const save = useMutation({
    mutationFn: (next: SegmentRules) =>
      saved(call('updateSegmentRules', { segments: next.segments.filter((s) => s.cells.length > 0) })),
  })
  const reset = useMutation({ mutationFn: () => saved(call('resetSegmentRules')) })

  if (overview.isPending || stored.isPending) return <PageLoader />
  if (stored.isError) return <ErrorNotice error={stored.error} onRetry={() => void stored.refetch()} />
  if (!rules) return <PageLoader />

  const grid = overview.data
  const moved = grid
    ? grid.grid.reduce(
        (n, c) => (before.get(key(c.r, c.fm)) !== after.get(key(c.r, c.fm)) ? n + c.customers : n),
        0,
      )
    : 0
  const countsBefore = grid ? countsUnder(grid, before) : new Map<string, number>()
  const countsAfter = grid ? countsUnder(grid, after) : new Map<string, number>()
  const options = rules.segments.map((s) => ({ value: s.id, label: segmentName(s, fmt.language) }))
  const cellCustomers = new Map(grid?.grid.map((c) => [key(c.r, c.fm), c.customers]) ?? [])

  const moveCell = (r: number, fm: number, to: string): void => {
    setDraft({
      segments: rules.segments.map((s) => ({
        ...s,
        cells: [...s.cells.filter((c) => !(c.r === r && c.fm === fm)), ...(s.id === to ? [{ r, fm }] : [])],
      })),
    })
  }
  const editText = (id: string, field: 'name' | 'action', value: string): void => {
    const prop = `${field}${fmt.language === 'th' ? 'Th' : 'En'}` as const
    setDraft({ segments: rules.segments.map((s) => (s.id === id ? { ...s, [prop]: value } : s)) })
  }
  const empty = rules.segments.filter((s) => s.cells.length === 0)

  return (
    <Stack gap="lg" data-testid="segment-rules-editor">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>{t('rules.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('rules.hint')}
          </Text>
        </Stack>
        <Button variant="default" onClick={props.onClose}>
          {t('rules.close')}
        </Button>
      </Group>
      <Card withBorder padding="md">
        <Table withTableBorder withColumnBorders data-testid="rules-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.corner')}</Table.Th>
              {FM.map((fm) => (
                <Table.Th key={fm}>{t('rules.fm', { fm })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {R.map((r) => (
              <Table.Tr key={r}>
                <Table.Th>{t('rules.r', { r })}</Table.Th>
                {FM.map((fm) => (
                  <Table.Td key={fm}>
                    <Select
                      size="xs"
                      allowDeselect={false}
                      comboboxProps={{ width: 'max-content' }}
                      aria-label={t('rules.cell', { r, fm })}
                      data={options}
                      value={after.get(key(r, fm)) ?? null}
                      onChange={(value) => value && moveCell(r, fm, value)}
                      data-testid={`rules-cell-${r}-${fm}`}
                    />
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('rules.cellCustomers', { n: fmt.number(cellCustomers.get(key(r, fm)) ?? 0) })}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Alert color={moved > 0 ? 'blue' : 'gray'} data-testid="rules-preview">
        {t('rules.preview', { n: fmt.number(moved) })}
        {empty.length > 0 &&
          ` ${t('rules.emptySegments', { names: empty.map((s) => segmentName(s, fmt.language)).join(', ') })}`}
      </Alert>
      <Card withBorder padding="md">
        <Table verticalSpacing={6} data-testid="rules-segments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.name')}</Table.Th>
              <Table.Th>{t('rules.advice')}</Table.Th>
              <Table.Th ta="right">{t('rules.before')}</Table.Th>
              <Table.Th ta="right">{t('rules.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.segments.map((s) => (
              <Table.Tr key={s.id} data-segment={s.id}>
                <Table.Td w="25%">
                  <TextInput
                    size="xs"
                    aria-label={t('rules.name')}
                    value={segmentName(s, fmt.language)}
                    onChange={(e) => editText(s.id, 'name', e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('rules.advice')}
                    value={fmt.language === 'th' ? s.actionTh : s.actionEn}
                    onChange={(e) => editText(s.id, 'action', e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td ta="right" data-testid="rules-before">
                  {fmt.number(countsBefore.get(s.id) ?? 0)}
                </Table.Td>
                <Table.Td ta="right" data-testid="rules-after">
                  {fmt.number(countsAfter.get(s.id) ?? 0)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {(save.isError || reset.isError) && <ErrorNotice error={save.error ?? reset.error} />}
      <Group>
        <Button
          color="teal.9"
          disabled={draft === null}
          loading={save.isPending}
          onClick={() => save.mutate(rules)}
          data-testid="rules-save"
        >
          {t('rules.save')}
        </Button>
        <Button variant="default" disabled={draft === null} onClick={() => setDraft(null)}>
          {t('rules.discard')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          disabled={stored.data.isDefault && draft === null}
          loading={reset.isPending}
          onClick={() => reset.mutate()}
          data-testid="rules-reset"
        >
          {t('rules.reset')}
        </Button>
      </Group>
    </Stack>
  )
}
