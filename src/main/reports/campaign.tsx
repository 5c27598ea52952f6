/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { CampaignGroup } from '../../shared/api/campaigns'
import { findRun, runRules } from '../analysis/queries'
import { campaignResults, getCampaign } from '../campaigns'
import type { Database } from '../db/schema'
import type { BuiltReport, ReportEnv } from './env'
import { Kpis, Table } from './parts'
import { segmentNames } from './segment-names'

// The campaign results report: what was done (target, channel, window, hold-out and its seed), contacted vs
// hold-out, the lift with its 95% interval and the plain statement whether it is real or could be chance.

export async function campaignReport(db: Kysely<Database>, env: ReportEnv, id: number): Promise<BuiltReport> {
  const { t, date, number, percent, money } = env
  const campaign = await getCampaign(db, id)
  const r = await campaignResults(db, id)
  const points = (x: number) => number(x * 100, 1)
  const run = campaign.target.kind === 'segment' ? await findRun(db) : null
  const segmentName = run
    ? segmentNames(runRules(run), env.language).get(campaign.target.label)?.name
    : undefined
  const targetLabel = segmentName ?? campaign.target.label
  const groups: { key: string; label: string; g: CampaignGroup }[] = [
    { key: 'contacted', label: t('campaign.contacted'), g: r.contacted },
    { key: 'holdout', label: t('campaign.held'), g: r.holdout },
  ]
  return {
    title: t('campaign.title', { name: campaign.name }),
    asOf: r.asOf,
    orientation: 'portrait',
    fileStem: `campaign-${id}`,
    body: (
      <>
        <Kpis
          items={[
            {
              label: t('campaign.window'),
              value: t('campaign.windowValue', { start: date(r.windowStart), end: date(r.windowEnd) }),
            },
            { label: t('campaign.channel'), value: t(`campaign.channels.${campaign.channel}`) },
            { label: t('campaign.target'), value: targetLabel },
            {
              label: t('campaign.holdout'),
              value: t('campaign.holdoutValue', {
                share: percent(campaign.holdoutShare),
                seed: campaign.seed,
              }),
            },
          ]}
        />
        {!r.windowOver && r.asOf ? (
          <p className="note">{t('campaign.notOver', { date: date(r.asOf) })}</p>
        ) : null}
        <Table
          rowKey={(row) => row.key}
          rows={groups}
          columns={[
            { label: t('campaign.group'), cell: (row) => row.label },
            { label: t('campaign.members'), cell: (row) => number(row.g.members), numeric: true },
            { label: t('campaign.responders'), cell: (row) => number(row.g.responders), numeric: true },
            { label: t('campaign.responseRate'), cell: (row) => percent(row.g.responseRate), numeric: true },
            {
              label: t('campaign.revenuePerCustomer'),
              cell: (row) => money(Math.round(row.g.revenuePerCustomerSatang)),
              numeric: true,
            },
            {
              label: t('campaign.visitsPerCustomer'),
              cell: (row) => number(row.g.visitsPerCustomer, 2),
              numeric: true,
            },
          ]}
        />
        <h2>{t('campaign.lift')}</h2>
        {r.lift !== null && r.ci95 ? (
          <p>
            {t('campaign.liftValue', { lift: points(r.lift), lo: points(r.ci95[0]), hi: points(r.ci95[1]) })}
          </p>
        ) : null}
        <p>
          <strong>{t(`campaign.verdict.${r.verdict}`)}</strong>
        </p>
        <h2>{t('campaign.revenueLift')}</h2>
        {r.revenueLiftSatang !== null && r.revenueCi95 ? (
          <p>
            {t('campaign.revenueLiftValue', {
              lift: money(Math.round(r.revenueLiftSatang)),
              lo: money(Math.round(r.revenueCi95[0])),
              hi: money(Math.round(r.revenueCi95[1])),
            })}
          </p>
        ) : null}
        <p>{t(`campaign.verdict.${r.revenueVerdict}`)}</p>
        <p className="note">{t('campaign.method')}</p>
      </>
    ),
  }
}
