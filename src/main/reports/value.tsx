/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import { findRun, runRules, valueOverview } from '../analysis/queries'
import type { Database } from '../db/schema'
import { BarChart } from './charts'
import { contactsOf } from './contacts'
import { CustomerListTable } from './customer-list'
import type { BuiltReport, ReportEnv } from './env'
import { Table } from './parts'
import { segmentNames } from './segment-names'

/** Value tiers, the Pareto share, the CLV spread, the most valuable customers and those at risk. */
export async function valueReport(db: Kysely<Database>, env: ReportEnv): Promise<BuiltReport> {
  const { t, money, moneyCompact, number, percent } = env
  const [value, run] = await Promise.all([valueOverview(db, { limit: 200 }), findRun(db)])
  const base = { title: t('value.title'), orientation: 'portrait' as const, fileStem: 'value' }
  if (!value || !run) return { ...base, asOf: null, body: <p>{t('common.noAnalysis')}</p> }
  const names = segmentNames(runRules(run), env.language)
  const name = (id: string): string => names.get(id)?.name ?? id
  const listed = [...value.topCustomers.slice(0, 20), ...value.atRisk]
  const contacts = await contactsOf(
    db,
    listed.map((c) => c.customerId),
  )
  const withContacts = (rows: typeof listed) =>
    rows.map((score) => ({ score, contact: contacts.get(score.customerId) }))
  return {
    ...base,
    asOf: value.run.asOf,
    body: (
      <>
        <h2>{t('value.tiers')}</h2>
        {value.customerShareFor80 !== null && (
          <p>{t('value.pareto', { share: percent(value.customerShareFor80) })}</p>
        )}
        <Table
          rowKey={(r) => r.tier}
          rows={value.tiers}
          columns={[
            { label: t('value.tiers'), cell: (r) => t(`tier.${r.tier}`) },
            { label: t('common.customers'), cell: (r) => number(r.customers), numeric: true },
            { label: t('common.revenue'), cell: (r) => money(r.revenueSatang), numeric: true },
            { label: t('common.share'), cell: (r) => percent(r.revenueShare), numeric: true },
          ]}
        />
        {value.clvHistogram.length > 0 && (
          <figure>
            <figcaption>{t('value.histogram')}</figcaption>
            <BarChart
              categories={value.clvHistogram.map((b) => [
                b.toSatang === null ? `${moneyCompact(b.fromSatang)}+` : moneyCompact(b.fromSatang),
              ])}
              series={[{ label: t('common.customers'), values: value.clvHistogram.map((b) => b.customers) }]}
              format={(v) => number(v)}
            />
          </figure>
        )}
        <h2>{t('value.top')}</h2>
        <CustomerListTable
          env={env}
          rows={withContacts(value.topCustomers.slice(0, 20))}
          segmentName={name}
          showSegment
        />
        <h2>{t('value.atRisk')}</h2>
        <p className="note">{t('value.atRiskNote')}</p>
        {value.atRisk.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <CustomerListTable env={env} rows={withContacts(value.atRisk)} segmentName={name} showSegment />
        )}
      </>
    ),
  }
}
