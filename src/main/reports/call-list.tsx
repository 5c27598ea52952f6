/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { CustomerScore } from '../../shared/api/analysis'
import type { CustomerFilter } from '../../shared/api/customers'
import { findRun, runRules, segmentsOverview, valueOverview } from '../analysis/queries'
import { selectCustomers } from '../customers/list'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { allSegmentCustomers } from './all-segment-customers'
import { contactsOf } from './contacts'
import type { BuiltReport, ReportEnv } from './env'
import { Table } from './parts'
import { segmentNames } from './segment-names'

export type CallListSource =
  | { kind: 'segment'; segment: string }
  | { kind: 'at_risk' }
  | { kind: 'customers'; customerIds: number[] }
  /** The customer book's filtered list: every customer the filter finds, in the list's order (by name). */
  | { kind: 'customer_filter'; filter: CustomerFilter }

interface CallRow {
  id: number
  name: string
  phone: string
  line: string
  email: string
  lastPurchase: string | null
  segment: string | null
}

async function scoresFor(db: Kysely<Database>, source: CallListSource): Promise<CustomerScore[] | null> {
  if (source.kind === 'segment') return allSegmentCustomers(db, source.segment)
  if (source.kind === 'at_risk') return (await valueOverview(db, { limit: 200 }))?.atRisk ?? []
  return null
}

/** Who to call, how to reach them, when they last bought, and room to write what they said. */
export async function callListReport(
  db: Kysely<Database>,
  env: ReportEnv,
  source: CallListSource,
): Promise<BuiltReport> {
  const { t, date, number } = env
  const run = await findRun(db)
  const names = run
    ? segmentNames(runRules(run), env.language)
    : new Map<string, { name: string; action: string }>()
  if (
    source.kind === 'segment' &&
    !(await segmentsOverview(db))?.segments.some((s) => s.id === source.segment)
  ) {
    throw new LukkhaError('not_found', `There is no segment "${source.segment}" in the latest analysis.`)
  }
  const scores = await scoresFor(db, source)
  const listed = source.kind === 'customer_filter' ? await selectCustomers(db, source.filter) : null
  const ids = scores
    ? scores.map((s) => s.customerId)
    : listed
      ? listed.map((c) => c.id)
      : source.kind === 'customers'
        ? source.customerIds
        : []
  const listedOf = new Map((listed ?? []).map((c) => [c.id, c]))
  const contacts = await contactsOf(db, ids)
  const scoreOf = new Map((scores ?? []).map((s) => [s.customerId, s]))
  const rows: CallRow[] = ids.flatMap((id) => {
    const c = contacts.get(id)
    if (!c) return []
    const s = scoreOf.get(id)
    const l = listedOf.get(id)
    return [
      {
        id,
        name: c.name,
        phone: c.phone ?? '',
        line: c.lineId ?? '',
        email: c.email ?? '',
        lastPurchase: s?.lastPurchase ?? l?.lastPurchase?.slice(0, 10) ?? null,
        segment: s?.segment ?? l?.segment ?? null,
      },
    ]
  })
  const title =
    source.kind === 'segment'
      ? t('callList.titleSegment', { segment: names.get(source.segment)?.name ?? source.segment })
      : source.kind === 'at_risk'
        ? t('callList.titleAtRisk')
        : source.kind === 'customer_filter'
          ? t('callList.titleFiltered')
          : t('callList.titleSelected')
  return {
    title,
    asOf: run?.as_of ?? null,
    orientation: 'landscape',
    fileStem:
      source.kind === 'segment'
        ? `call-list-${source.segment}`
        : `call-list-${source.kind.replaceAll('_', '-')}`,
    body: (
      <>
        <p className="note">{t('common.rows', { count: number(rows.length) })}</p>
        <Table
          rowKey={(r) => r.id}
          rows={rows}
          columns={[
            { label: t('callList.done'), cell: () => <span className="tick" /> },
            { label: t('common.name'), cell: (r) => r.name },
            { label: t('common.phone'), cell: (r) => r.phone, nowrap: true },
            { label: t('common.line'), cell: (r) => r.line },
            { label: t('common.email'), cell: (r) => r.email },
            {
              label: t('common.lastPurchase'),
              cell: (r) => (r.lastPurchase ? date(r.lastPurchase) : '–'),
              nowrap: true,
            },
            {
              label: t('common.segment'),
              cell: (r) => (r.segment ? (names.get(r.segment)?.name ?? r.segment) : '–'),
            },
            { label: t('common.notes'), cell: () => '', write: true },
          ]}
        />
      </>
    ),
  }
}
