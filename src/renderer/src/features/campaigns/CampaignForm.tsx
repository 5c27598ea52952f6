import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { campaignChannels, type CampaignChannel, type CampaignTarget } from '../../../../shared/api/campaigns'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { useSegmentsOverview } from '../analysis/queries'
import { segmentNamer } from '../analysis/segmentText'
import { ProductSelect } from '../products/ProductSelect'
import { useCreateCampaign, useSavedFilters, useTargetPreview } from './queries'

type Kind = CampaignTarget['kind']

/** A new campaign: its target (segment, saved filter or basket list), channel, window, hold-out and message. */
export function CampaignForm(props: {
  segment: string | null
  filterId: number | null
  onCancel: () => void
  onCreated: (id: number) => void
}): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const overview = useSegmentsOverview()
  const segmentName = segmentNamer(overview.data?.segments ?? [], fmt.language)
  const savedFilters = useSavedFilters()
  const [kind, setKind] = useState<Kind>(props.filterId ? 'saved_filter' : 'segment')
  const [segment, setSegment] = useState<string | null>(props.segment)
  const [filterId, setFilterId] = useState<number | null>(props.filterId)
  const [bought, setBought] = useState<number | null>(null)
  const [never, setNever] = useState<number | null>(null)
  const [name, setName] = useState('')
  const [channel, setChannel] = useState<CampaignChannel>('line')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [holdout, setHoldout] = useState<number>(10)
  const [seed, setSeed] = useState<number | ''>('')
  const [message, setMessage] = useState('')
  const create = useCreateCampaign()

  const target = useMemo<CampaignTarget | null>(() => {
    if (kind === 'segment') return segment ? { kind, segment } : null
    if (kind === 'saved_filter') return filterId ? { kind, filterId } : null
    return bought && never && bought !== never
      ? { kind, boughtProductId: bought, neverProductId: never }
      : null
  }, [kind, segment, filterId, bought, never])
  const preview = useTargetPreview(target)

  const submit = () => {
    if (!target) return
    create.mutate(
      {
        name: name.trim() || (preview.data ? preview.data.label : t('newCampaign')),
        channel,
        target,
        holdoutShare: holdout / 100,
        windowStart: start || undefined,
        windowEnd: end || undefined,
        seed: seed === '' ? undefined : seed,
        message: message || undefined,
      },
      { onSuccess: (created) => props.onCreated(created.id) },
    )
  }

  return (
    <Card withBorder padding="lg" maw={820}>
      <Stack gap="md">
        <Title order={3}>{t('form.title')}</Title>
        <TextInput
          label={t('form.name')}
          placeholder={t('form.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="campaign-name"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('form.targetKind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v)}
            data={(['segment', 'saved_filter', 'basket'] as const).map((k) => ({
              value: k,
              label: t(`targetKind.${k}`),
            }))}
          />
        </Stack>
        {kind === 'segment' && (
          <Select
            label={t('form.segment')}
            data={(overview.data?.segments ?? []).map((s) => ({
              value: s.id,
              label: `${segmentName(s.id)} (${fmt.number(s.customers)})`,
            }))}
            value={segment}
            onChange={setSegment}
            data-testid="campaign-segment"
            w={360}
          />
        )}
        {kind === 'saved_filter' &&
          ((savedFilters.data ?? []).length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('form.noSavedFilters')}
            </Text>
          ) : (
            <Select
              label={t('form.savedFilter')}
              data={(savedFilters.data ?? []).map((f) => ({ value: String(f.id), label: f.name }))}
              value={filterId === null ? null : String(filterId)}
              onChange={(v) => setFilterId(v === null ? null : Number(v))}
              w={360}
            />
          ))}
        {kind === 'basket' && (
          <Group>
            <ProductSelect label={t('form.bought')} value={bought} onChange={setBought} />
            <ProductSelect label={t('form.never')} value={never} onChange={setNever} />
          </Group>
        )}
        {preview.data && (
          <Text size="sm" data-testid="campaign-preview">
            {t('form.preview', {
              members: fmt.number(preview.data.members),
              consent: fmt.number(preview.data.withConsent),
              line: fmt.number(preview.data.withLineId),
            })}
          </Text>
        )}
        {preview.isError && <ErrorNotice error={preview.error} />}
        <Select
          label={t('form.channel')}
          data={campaignChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v)}
          allowDeselect={false}
          w={240}
          data-testid="campaign-channel"
        />
        <Group>
          <DateField
            label={t('form.start')}
            value={start || null}
            onChange={(v) => setStart(v ?? '')}
            clearable
          />
          <DateField
            label={t('form.end')}
            value={end || null}
            onChange={(v) => setEnd(v ?? '')}
            min={start || undefined}
            clearable
          />
          <NumberInput
            label={t('form.holdout')}
            value={holdout}
            onChange={(v) => setHoldout(typeof v === 'number' ? v : 10)}
            min={0}
            max={50}
            suffix="%"
            w={220}
            data-testid="campaign-holdout"
          />
        </Group>
        <NumberInput
          label={t('form.seed')}
          value={seed}
          onChange={(v) => setSeed(typeof v === 'number' ? v : '')}
          min={0}
          allowDecimal={false}
          w={360}
        />
        <Textarea
          label={t('form.message', { token: fmt.language === 'th' ? '{{ชื่อ}}' : '{{name}}' })}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        {create.isError && <ErrorNotice error={create.error} />}
        <Group>
          <Button
            onClick={submit}
            disabled={!target}
            loading={create.isPending}
            data-testid="campaign-create"
          >
            {t('form.create')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
