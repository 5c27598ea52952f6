import { Anchor, Card, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { call } from '../../../api/client'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../format/useFormat'
import { dashboardKeys } from '../../dashboard/queries'
import { useAtRiskCard, useNewCustomersCard, useSecondPurchaseCard } from '../queries'
import { useSourceLabel } from '../sourceLabel'

/** A dashboard card that links to the page it summarises; shows a placeholder until its own figures arrive. */
function LinkCard(props: {
  testId: string
  to: string
  label: string
  value: string | null
  hints: (string | null)[]
  extra?: ReactNode
}): React.JSX.Element {
  return (
    <Card withBorder padding="lg" data-testid={props.testId}>
      <Stack gap={4}>
        <Anchor component={Link} to={props.to} size="sm" c="dimmed" fw={500}>
          {props.label}
        </Anchor>
        {props.value === null ? (
          <Skeleton h={36} w="50%" />
        ) : (
          <Text fz={30} fw={700} lh={1.2} data-testid={`${props.testId}-value`}>
            {props.value}
          </Text>
        )}
        {props.hints.map(
          (hint) =>
            hint && (
              <Text key={hint} size="sm" c="dimmed">
                {hint}
              </Text>
            ),
        )}
        {props.extra}
      </Stack>
    </Card>
  )
}

function AtRiskCard({ asOf }: { asOf: string }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const d = useAtRiskCard(asOf).data
  return (
    <LinkCard
      testId="card-at-risk"
      to={`/retention?view=at_risk&asOf=${asOf}`}
      label={t('cards.atRisk')}
      value={d ? fmt.number(d.customers) : null}
      hints={[d ? t('cards.atRiskHint', { amount: fmt.baht(d.valueAtStakeSatang, true) }) : null]}
    />
  )
}

function NewCustomersCard({ asOf }: { asOf: string }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const source = useSourceLabel()
  const d = useNewCustomersCard(asOf).data
  return (
    <LinkCard
      testId="card-new-customers"
      to={`/growth?view=acquisition&asOf=${asOf}`}
      label={t('cards.newThisMonth')}
      value={d ? fmt.number(d.thisMonth) : null}
      hints={[d ? t('cards.newHint', { count: fmt.number(d.lastMonthSameDays) }) : null]}
      extra={
        d?.topSource && (
          <Text size="sm" c="dimmed">
            {t('cards.topSource')} <span data-untranslated>{source(d.topSource)}</span>
          </Text>
        )
      }
    />
  )
}

function SecondPurchaseCard({ asOf }: { asOf: string }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const d = useSecondPurchaseCard(asOf).data
  return (
    <LinkCard
      testId="card-second-purchase"
      to={`/retention?view=second&asOf=${asOf}`}
      label={t('cards.secondRate')}
      value={d ? (d.rate === null ? '–' : fmt.percent(d.rate)) : null}
      hints={[
        d
          ? d.rate === null
            ? t('cards.noRate')
            : t('cards.secondHint', {
                days: fmt.number(d.windowDays),
                within: fmt.number(d.returnedWithin),
                eligible: fmt.number(d.eligible),
                from: fmt.date(d.from),
                to: fmt.date(d.to),
              })
          : null,
      ]}
    />
  )
}

function OpenCampaignsCard(): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useQuery({
    queryKey: [...dashboardKeys.all, 'open-campaigns'],
    queryFn: async () => (await call('listCampaigns', { status: 'open' })).campaigns,
  })
  const campaigns = query.data
  return (
    <LinkCard
      testId="card-open-campaigns"
      to="/campaigns"
      label={t('cards.openCampaigns')}
      value={query.isPending ? null : campaigns ? fmt.number(campaigns.length) : '–'}
      hints={[
        query.isError
          ? t('cards.campaignsUnavailable')
          : campaigns?.length === 0
            ? t('cards.campaignsNone')
            : null,
      ]}
      extra={campaigns?.slice(0, 3).map((c) => (
        <Text key={c.id} size="sm" truncate data-untranslated>
          {c.name} · {fmt.date(c.windowEnd)}
        </Text>
      ))}
    />
  )
}

/** The dashboard's retention and growth cards; each loads on its own. */
export function RetentionCards({ asOf }: { asOf: string }): React.JSX.Element {
  return (
    <SimpleGrid cols={4} spacing="lg" data-testid="retention-cards">
      <AtRiskCard asOf={asOf} />
      <NewCustomersCard asOf={asOf} />
      <SecondPurchaseCard asOf={asOf} />
      <OpenCampaignsCard />
    </SimpleGrid>
  )
}
