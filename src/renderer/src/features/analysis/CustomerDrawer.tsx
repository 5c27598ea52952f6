import { Alert, Badge, Divider, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '../reports/PrintButton'
import { CustomerSuggestions } from '../products/CustomerSuggestions'
import type { CustomerAnalysis } from '../../../../shared/api/analysis'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ChurnBadge } from './ChurnBadge'
import { agoText, churnSentences } from './i18n/churn'
import { useAnalysisRun, useCustomerAnalysis, useSegmentsOverview } from './queries'
import { segmentNamer } from './segmentText'
import { Fact } from '../../components/Fact'

export function CustomerFacts({ analysis }: { analysis: CustomerAnalysis }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const overview = useSegmentsOverview()
  const run = useAnalysisRun()
  const { score, churn } = analysis
  const name = segmentNamer(overview.data?.segments ?? [], fmt.language)
  const orNone = (value: number | null, show: (v: number) => string): string =>
    value === null ? t('list.none') : show(value)
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="filled" color="teal.9" radius="sm" tt="none" size="lg" data-testid="customer-segment">
          {name(score.segment)}
        </Badge>
      </Group>

      <Stack gap={6} data-testid="churn-explanation">
        <Group gap="xs">
          <Text fw={600}>{t('customer.churn')}</Text>
          <ChurnBadge level={churn.level} />
        </Group>
        {churnSentences(t, fmt, churn).map((sentence) => (
          <Text key={sentence} size="sm">
            {sentence}
          </Text>
        ))}
      </Stack>

      <Divider />
      <Text fw={600}>{t('customer.scores')}</Text>
      <SimpleGrid cols={3} spacing="sm">
        <Fact label={t('customer.rScore')} value={fmt.number(score.r)} testId="score-r" />
        <Fact label={t('customer.fScore')} value={fmt.number(score.f)} testId="score-f" />
        <Fact label={t('customer.mScore')} value={fmt.number(score.m)} testId="score-m" />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <Fact
          label={t('customer.lastPurchase')}
          value={fmt.date(score.lastPurchase)}
          note={agoText(t, fmt, score.recencyDays)}
        />
        <Fact label={t('customer.firstPurchase')} value={fmt.date(score.firstPurchase)} />
        <Fact label={t('customer.frequency')} value={fmt.number(score.frequency)} />
        <Fact label={t('customer.monetary')} value={fmt.baht(score.monetarySatang)} />
        <Fact label={t('customer.tier')} value={t(`tiers.${score.valueTier}`)} />
      </SimpleGrid>

      <Divider />
      <Text fw={600}>{t('customer.future')}</Text>
      <SimpleGrid cols={2} spacing="sm">
        <Fact
          label={
            run.data ? t('customer.clvDays', { days: fmt.number(run.data.horizonDays) }) : t('customer.clv')
          }
          value={orNone(score.clvSatang, (v) => fmt.baht(v))}
        />
        <Fact
          label={t('customer.expected90')}
          value={orNone(score.expectedPurchases90, (v) => fmt.number(v, 1))}
        />
        <Fact
          label={t('customer.expected365')}
          value={orNone(score.expectedPurchases365, (v) => fmt.number(v, 1))}
        />
        <Fact
          label={t('customer.expectedSpend')}
          value={orNone(score.expectedSpendSatang, (v) => fmt.baht(v))}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('customer.asOf', { date: fmt.date(analysis.asOf) })}
      </Text>
    </Stack>
  )
}

/** A customer of a list, opened: their scores, future value and why their churn risk is what it is. */
export function CustomerDrawer(props: { customerId: number | null; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const analysis = useCustomerAnalysis(props.customerId)
  const data = analysis.data
  return (
    <Drawer
      opened={props.customerId !== null}
      onClose={props.onClose}
      position="right"
      size="md"
      closeButtonProps={{ 'aria-label': t('customer.close') }}
      title={
        data ? (
          <Stack gap={0}>
            <Title order={3} data-untranslated>
              {data.score.name}
            </Title>
            {data.score.code && (
              <Text size="sm" c="dimmed" data-untranslated>
                {data.score.code}
              </Text>
            )}
            <Group mt="xs">
              <PrintButton
                size="xs"
                request={{ report: 'customer', customerIds: [data.score.customerId] }}
                label="profile"
              />
            </Group>
          </Stack>
        ) : (
          t('customer.title')
        )
      }
    >
      <div data-testid="customer-drawer">
        {analysis.isPending ? (
          <PageLoader />
        ) : analysis.isError ? (
          <ErrorNotice error={analysis.error} onRetry={() => void analysis.refetch()} />
        ) : data ? (
          <CustomerFacts analysis={data} />
        ) : (
          <Alert color="gray">{t('customer.notScored')}</Alert>
        )}
        {props.customerId !== null && <CustomerSuggestions customerId={props.customerId} />}
      </div>
    </Drawer>
  )
}
