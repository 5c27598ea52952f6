/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import { customerAnalysis } from '../analysis/customer-analysis'
import { findRun, runRules } from '../analysis/queries'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { BarChart } from './charts'
import { contactsOf, type ContactRow } from './contacts'
import { purchaseFacts } from './customer-data'
import type { BuiltReport, ReportEnv } from './env'
import { Kpis, Table } from './parts'
import { segmentNames } from './segment-names'

async function profilePage(db: Kysely<Database>, env: ReportEnv, contact: ContactRow, first: boolean) {
  const { t, money, moneyCompact, date, number } = env
  const [analysis, facts, run] = await Promise.all([
    customerAnalysis(db, contact.id),
    purchaseFacts(db, contact.id),
    findRun(db),
  ])
  const names = run
    ? segmentNames(runRules(run), env.language)
    : new Map<string, { name: string; action: string }>()
  const score = analysis?.score
  const contactLines: [string, string | null][] = [
    [t('common.code'), contact.code],
    [t('common.phone'), contact.phone],
    [t('common.line'), contact.lineId],
    [t('common.email'), contact.email],
    [t('customer.birthday'), contact.birthday === null ? null : date(contact.birthday)],
    [t('customer.source'), contact.acquisitionSource],
  ]
  return (
    <section className={first ? undefined : 'page-break'} key={contact.id}>
      <h2>{contact.name}</h2>
      <dl className="facts">
        {contactLines
          .filter((l): l is [string, string] => l[1] !== null && l[1] !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3>{t('customer.figures')}</h3>
      <Kpis
        items={[
          {
            label: t('customer.firstPurchase'),
            value: facts.firstPurchase ? date(facts.firstPurchase) : '–',
          },
          { label: t('common.lastPurchase'), value: facts.lastPurchase ? date(facts.lastPurchase) : '–' },
          { label: t('common.visits'), value: number(facts.visits) },
          { label: t('common.spend'), value: money(facts.netSatang) },
          {
            label: t('customer.avgBasket'),
            value: facts.visits > 0 ? money(Math.round(facts.netSatang / facts.visits)) : '–',
          },
          {
            label: t('common.segment'),
            value: score ? (names.get(score.segment)?.name ?? score.segment) : '–',
          },
          { label: t('common.churn'), value: score ? t(`churnLevel.${score.churnLevel}`) : '–' },
          { label: t('common.clv'), value: score?.clvSatang == null ? '–' : money(score.clvSatang) },
        ]}
      />
      {analysis ? (
        <>
          <h3>{t('customer.explanation')}</h3>
          <p>{analysis.churn.text[env.language]}</p>
        </>
      ) : (
        <p className="note">{t('customer.noScore')}</p>
      )}
      {facts.monthly.length > 0 && (
        <figure>
          <figcaption>{t('customer.monthly')}</figcaption>
          <BarChart
            height={110}
            categories={facts.monthly.map((m) => env.monthAxis(m.month))}
            series={[{ label: t('common.spend'), values: facts.monthly.map((m) => m.netSatang) }]}
            format={moneyCompact}
          />
        </figure>
      )}
      <h3>{t('customer.receipts')}</h3>
      <Table
        rowKey={(r) => r.id}
        rows={facts.latest}
        columns={[
          { label: t('customer.date'), cell: (r) => date(r.date), nowrap: true },
          {
            label: t('customer.receipt'),
            cell: (r) =>
              r.kind === 'refund' ? `${r.receiptNumber} (${t('customer.refund')})` : r.receiptNumber,
            nowrap: true,
          },
          { label: t('customer.items'), cell: (r) => r.items, clip: true },
          { label: t('customer.amount'), cell: (r) => money(r.netSatang), numeric: true },
        ]}
      />
    </section>
  )
}

/** One page per customer: contacts, key figures, segment, churn explained, CLV, monthly spend, latest receipts. */
export async function customerReport(
  db: Kysely<Database>,
  env: ReportEnv,
  customerIds: number[],
): Promise<BuiltReport> {
  const contacts = await contactsOf(db, customerIds)
  const missing = customerIds.find((id) => !contacts.has(id))
  if (missing !== undefined) throw new LukkhaError('not_found', `There is no customer with id ${missing}.`)
  const run = await findRun(db)
  const pages = []
  for (const [i, id] of customerIds.entries()) {
    const contact = contacts.get(id)
    if (contact) pages.push(await profilePage(db, env, contact, i === 0))
  }
  const only = customerIds.length === 1 ? contacts.get(customerIds[0] ?? 0) : undefined
  return {
    title: env.t('customer.title'),
    asOf: run?.as_of ?? null,
    orientation: 'portrait',
    fileStem: only ? `customer-${only.code ?? only.id}` : 'customers',
    body: <>{pages}</>,
  }
}
