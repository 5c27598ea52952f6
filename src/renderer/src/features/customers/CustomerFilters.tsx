import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomerFilter } from '../../../../shared/api/customers'
import { consentPurposes } from '../../../../shared/api/customers'
import { valueTiers } from '../../../../shared/api/analysis'
import { useFacets } from './queries'
import { DateField } from '../../components/DateField'

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
  const consentValue = f.consent ? `${f.consent.purpose}_${f.consent.state}` : null
  const baht = (satang: number | undefined) => (satang === undefined ? '' : satang / 100)
  const satang = (v: string | number) => (v === '' ? undefined : Math.round(Number(v) * 100))
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        size="xs"
        w={150}
        label={t('filters.segment')}
        placeholder={t('filters.any')}
        clearable
        value={f.segment ?? null}
        data={(facets?.segments ?? []).map((s) => ({ value: s, label: props.segmentName(s) }))}
        onChange={(v) => set({ segment: v ?? undefined })}
      />
      <Select
        size="xs"
        w={120}
        label={t('filters.tier')}
        placeholder={t('filters.any')}
        clearable
        value={f.valueTier ?? null}
        data={valueTiers.map((v) => ({ value: v, label: t(`tiers.${v}`) }))}
        onChange={(v) => set({ valueTier: (v as CustomerFilter['valueTier']) ?? undefined })}
      />
      <Select
        size="xs"
        w={120}
        label={t('filters.tag')}
        placeholder={t('filters.any')}
        clearable
        searchable
        value={f.tag ?? null}
        data={facets?.tags ?? []}
        onChange={(v) => set({ tag: v ?? undefined })}
      />
      <Select
        size="xs"
        w={130}
        label={t('filters.source')}
        placeholder={t('filters.any')}
        clearable
        value={f.acquisitionSource ?? null}
        data={(facets?.sources ?? []).map((s) => ({
          value: s,
          label: t(`sources.${s}` as 'sources.other', { defaultValue: s }),
        }))}
        onChange={(v) => set({ acquisitionSource: v ?? undefined })}
      />
      <Select
        size="xs"
        w={190}
        label={t('filters.consent')}
        placeholder={t('filters.any')}
        clearable
        value={consentValue}
        data={consentPurposes.flatMap((p) =>
          (['granted', 'not_granted'] as const).map((s) => ({
            value: `${p}_${s}`,
            label: t(`filters.consentStates.${p}_${s}`),
          })),
        )}
        onChange={(v) => {
          if (!v) {
            set({ consent: undefined })
            return
          }
          const [purpose, ...rest] = v.split('_')
          set({ consent: { purpose: purpose as 'marketing', state: rest.join('_') as 'granted' } })
        }}
      />
      <DateField
        size="xs"
        w={150}
        clearable
        label={t('filters.lastFrom')}
        value={f.lastPurchaseFrom ?? null}
        onChange={(value) => set({ lastPurchaseFrom: value ?? undefined })}
      />
      <DateField
        size="xs"
        w={150}
        clearable
        label={t('filters.lastTo')}
        value={f.lastPurchaseTo ?? null}
        onChange={(value) => set({ lastPurchaseTo: value ?? undefined })}
      />
      <NumberInput
        size="xs"
        w={110}
        min={0}
        label={t('filters.spendMin')}
        value={baht(f.spendMinSatang)}
        onChange={(v) => set({ spendMinSatang: satang(v) })}
      />
      <NumberInput
        size="xs"
        w={110}
        min={0}
        label={t('filters.spendMax')}
        value={baht(f.spendMaxSatang)}
        onChange={(v) => set({ spendMaxSatang: satang(v) })}
      />
      <Button size="xs" variant="subtle" onClick={() => props.onChange({ search: f.search })}>
        {t('filters.clear')}
      </Button>
    </Group>
  )
}
