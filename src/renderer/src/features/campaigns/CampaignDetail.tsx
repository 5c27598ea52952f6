import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { call } from '../../api/client'
import { saveExportedFile } from '../../api/download'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { PrintButton } from '../reports/PrintButton'
import { reportPreviewPath } from '../reports/reportLink'
import { statusColor } from './CampaignList'
import { MembersTable } from './MembersTable'
import { useCampaign, useDeleteCampaign } from './queries'
import { ResultsPanel } from './ResultsPanel'
import { useTargetLabel } from './useTargetLabel'

/** One campaign: what it targets, its reach, the contact-list exports, printing, and its results. */
export function CampaignDetail(props: { id: number; onBack: () => void }): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const fmt = useFormat()
  const campaign = useCampaign(props.id)
  const targetLabel = useTargetLabel()
  const remove = useDeleteCampaign()
  const exporting = useMutation({
    mutationFn: (format: 'csv' | 'xlsx' | 'line') =>
      call('exportCampaignList', {
        id: props.id,
        format,
        title: campaign.data?.name,
        headers: {
          code: t('members.code'),
          name: t('members.name'),
          phone: t('members.phone'),
          line_id: t('members.line'),
          email: t('members.email'),
          address: t('members.address'),
        },
      }),
    onSuccess: saveExportedFile,
  })
  if (campaign.isPending) return <PageLoader />
  if (campaign.isError) return <ErrorNotice error={campaign.error} onRetry={() => void campaign.refetch()} />
  const c = campaign.data
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={
          <Group gap="xs">
            <Badge color={statusColor[c.status]} variant="light">
              {t(`status.${c.status}`)}
            </Badge>
            <Text c="dimmed">{t(`channels.${c.channel}`)}</Text>
          </Group>
        }
        actions={
          <Button variant="default" onClick={props.onBack}>
            {t('back')}
          </Button>
        }
      />
      <Stack gap="md">
        <Card withBorder padding="lg">
          <Stack gap={6}>
            <Text data-untranslated>
              <b>{t('detail.target')}:</b> {targetLabel(c.target)}
            </Text>
            <Text>
              <b>{t('detail.window')}:</b>{' '}
              {t('windowValue', { start: fmt.date(c.windowStart), end: fmt.date(c.windowEnd) })}
            </Text>
            <Text data-testid="campaign-draw">
              <b>{t('detail.contacted')}:</b> {fmt.number(c.contacted)} · <b>{t('detail.holdout')}:</b>{' '}
              {t('detail.holdoutValue', {
                count: fmt.number(c.holdout),
                share: fmt.percent(c.holdoutShare),
                seed: c.seed,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('detail.reach', {
                consent: fmt.number(c.reach.withConsent),
                contacted: fmt.number(c.contacted),
                phone: fmt.number(c.reach.withPhone),
                email: fmt.number(c.reach.withEmail),
                line: fmt.number(c.reach.withLineId),
                address: fmt.number(c.reach.withAddress),
              })}
            </Text>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={4}>{t('detail.exportTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('detail.exportNote')}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => exporting.mutate('csv')}
                loading={exporting.isPending}
                data-testid="campaign-export-csv"
              >
                {t('detail.exportCsv')}
              </Button>
              <Button
                variant="default"
                onClick={() => exporting.mutate('xlsx')}
                loading={exporting.isPending}
              >
                {t('detail.exportXlsx')}
              </Button>
              <Button
                variant="default"
                onClick={() => exporting.mutate('line')}
                loading={exporting.isPending}
                data-testid="campaign-export-line"
              >
                {t('detail.exportLine')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('detail.exportLineNote')}
            </Text>
            {exporting.isError && <ErrorNotice error={exporting.error} />}
            <Title order={4}>{t('detail.printTitle')}</Title>
            <Group gap="xs">
              <PrintButton request={{ report: 'campaign', campaignId: c.id }} />
              <PrintLink label={t('detail.printLetters')} report="campaign-letters" id={c.id} />
              <PrintLink label={t('detail.printLabels')} report="campaign-labels" id={c.id} />
            </Group>
          </Stack>
        </Card>
        <ResultsPanel id={c.id} />
        <MembersTable id={c.id} />
        <Group>
          <Button
            color="red"
            variant="subtle"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('detail.deleteConfirm'))) remove.mutate(c.id, { onSuccess: props.onBack })
            }}
          >
            {t('detail.delete')}
          </Button>
        </Group>
      </Stack>
    </>
  )
}

function PrintLink(props: { label: string; report: 'campaign-letters' | 'campaign-labels'; id: number }) {
  const navigate = useNavigate()
  return (
    <Button
      variant="default"
      onClick={() => void navigate(reportPreviewPath({ report: props.report, campaignId: props.id }))}
    >
      {props.label}
    </Button>
  )
}
