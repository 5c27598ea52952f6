import { Button, Group, NumberInput, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomerFilter } from '../../../../shared/api/customers'
import { consentPurposes } from '../../../../shared/api/customers'
import { valueTiers } from '../../../../shared/api/analysis'
import { useFacets } from './queries'
import { DateField } from '../../components/DateField'

type Choice = { value: string; label: string }
/** One drop-down filter: any value until one is picked; `pick` turns the picked value into the filter. */
type ChoiceFilter = {
  key: 'segment' | 'tier' | 'tag' | 'source' | 'consent'
  width: number
  value: string | undefined
  data: Choice[] | string[]
  pick: (value: string | undefined) => Partial<CustomerFilter>
}

const consentChoices = consentPurposes.flatMap((purpose) =>
  (['granted', 'not_granted'] as const).map((state) => ({
    purpose,
    state,
    value: `${purpose}_${state}` as const,
  })),
)
const dateFilters = [
  { key: 'lastPurchaseFrom', label: 'lastFrom' },
  { key: 'lastPurchaseTo', label: 'lastTo' },
] as const
const spendFilters = [
  { key: 'spendMinSatang', label: 'spendMin' },
  { key: 'spendMaxSatang', label: 'spendMax' },
] as const

/** Segment, value tier, tag, source, consent, last purchase between and spend between. */
export function CustomerFilters(props: {
  filter: CustomerFilter
  onChange: (filter: CustomerFilter) => void
  segmentName: (id: string) => string
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const facets = useFacets().data
  const f = props.filter
  const set = (patch: Partial<CustomerFilter>) => props.onChange({ ...f, ...patch })
  const setField = <K extends keyof CustomerFilter>(key: K, value: CustomerFilter[K]) =>
    props.onChange({ ...f, [key]: value })
  const baht = (satang: number | undefined) => (satang === undefined ? '' : satang / 100)
  const satang = (v: string | number) => (v === '' ? undefined : Math.round(Number(v) * 100))
  const segments = (facets?.segments ?? []).map((s) => ({ value: s, label: props.segmentName(s) }))
  const tiers = valueTiers.map((v) => ({ value: v, label: t(`tiers.${v}`) }))
  const sources = (facets?.sources ?? []).map((s) => ({
    value: s,
    label: t(`sources.${s}` as 'sources.other', { defaultValue: s }),
  }))
  const consents = consentChoices.map((c) => ({
    value: c.value,
    label: t(`filters.consentStates.${c.value}`),
  }))
  const consentValue = consentChoices.find(
    (c) => c.purpose === f.consent?.purpose && c.state === f.consent.state,
  )
  const choices: ChoiceFilter[] = [
    { key: 'segment', width: 150, value: f.segment, data: segments, pick: (v) => ({ segment: v }) },
    { key: 'tier', width: 120, value: f.valueTier, data: tiers, pick: (v) => ({ valueTier: tierOf(v) }) },
    { key: 'tag', width: 120, value: f.tag, data: facets?.tags ?? [], pick: (v) => ({ tag: v }) },
    {
      key: 'source',
      width: 130,
      value: f.acquisitionSource,
      data: sources,
      pick: (v) => ({ acquisitionSource: v }),
    },
    {
      key: 'consent',
      width: 190,
      value: consentValue?.value,
      data: consents,
      pick: (v) => ({ consent: consentOf(v) }),
    },
  ]
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {choices.map((c) => (
        <Select
          key={c.key}
          size="xs"
          w={c.width}
          label={t(`filters.${c.key}`)}
          placeholder={t('filters.any')}
          clearable
          searchable={c.key === 'tag'}
          value={c.value ?? null}
          data={c.data}
          onChange={(v) => set(c.pick(v ?? undefined))}
        />
      ))}
      {dateFilters.map((d) => (
        <DateField
          key={d.key}
          size="xs"
          w={150}
          clearable
          label={t(`filters.${d.label}`)}
          value={f[d.key] ?? null}
          onChange={(value) => setField(d.key, value ?? undefined)}
        />
      ))}
      {spendFilters.map((s) => (
        <NumberInput
          key={s.key}
          size="xs"
          w={110}
          min={0}
          label={t(`filters.${s.label}`)}
          value={baht(f[s.key])}
          onChange={(v) => setField(s.key, satang(v))}
        />
      ))}
      <Button size="xs" variant="subtle" onClick={() => props.onChange({ search: f.search })}>
        {t('filters.clear')}
      </Button>
    </Group>
  )
}

function tierOf(value: string | undefined): CustomerFilter['valueTier'] {
  return valueTiers.find((tier) => tier === value)
}

function consentOf(value: string | undefined): CustomerFilter['consent'] {
  const choice = consentChoices.find((c) => c.value === value)
  return choice ? { purpose: choice.purpose, state: choice.state } : undefined
}
