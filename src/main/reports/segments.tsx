/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { SegmentsOverview } from '../../shared/api/analysis'
import { segmentsOverview } from '../analysis/queries'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { allSegmentCustomers } from './all-segment-customers'
import { heatStyle } from './charts'
import { contactsOf } from './contacts'
import { CustomerListTable } from './customer-list'
import type { BuiltReport, ReportEnv } from './env'
import { Kpis, Table } from './parts'
import { segmentNames } from './segment-names'

function Grid(props: { env: ReportEnv; overview: SegmentsOverview; name: (id: string) => string }) {
  const total = props.overview.grid.reduce((sum, c) => sum + c.customers, 0) || 1
  const max = Math.max(1, ...props.overview.grid.map((c) => c.customers))
  const cell = (r: number, fm: number) => props.overview.grid.find((c) => c.r === r && c.fm === fm)
  return (
    <figure>
      <table className="heat">
        <thead>
          <tr>
            <th>R \ FM</th>
            {[1, 2, 3, 4, 5].map((fm) => (
              <th key={fm}>{fm}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((r) => (
            <tr key={r}>
              <th>{r}</th>
              {[1, 2, 3, 4, 5].map((fm) => {
                const c = cell(r, fm)
                return (
                  <td key={fm} style={heatStyle((c?.customers ?? 0) / max)}>
                    <div>{c ? props.name(c.segment) : ''}</div>
                    <div>
                      {props.env.number(c?.customers ?? 0)} ({props.env.percent((c?.customers ?? 0) / total)})
                    </div>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>{props.env.t('segments.gridNote')}</figcaption>
    </figure>
  )
}

/** All segments (grid, sizes, revenue, advice), or one segment with every customer in it. */
export async function segmentsReport(
  db: Kysely<Database>,
  env: ReportEnv,
  segment: string | undefined,
): Promise<BuiltReport> {
  const { t, money, number, percent } = env
  const overview = await segmentsOverview(db)
  if (!overview) {
    return {
      title: t('segments.title'),
      asOf: null,
      orientation: 'portrait',
      fileStem: 'segments',
      body: <p>{t('common.noAnalysis')}</p>,
    }
  }
  const names = segmentNames({ segments: overview.segments.map((s) => ({ ...s, cells: [] })) }, env.language)
  const name = (id: string): string => names.get(id)?.name ?? id
  if (segment !== undefined) {
    const summary = overview.segments.find((s) => s.id === segment)
    if (!summary)
      throw new LukkhaError('not_found', `There is no segment "${segment}" in the latest analysis.`)
    const rows = await allSegmentCustomers(db, segment, overview.run.runId)
    const contacts = await contactsOf(
      db,
      rows.map((r) => r.customerId),
    )
    return {
      title: t('segments.titleOne', { segment: name(segment) }),
      asOf: overview.run.asOf,
      orientation: 'landscape',
      fileStem: `segment-${segment}`,
      body: (
        <>
          <Kpis
            items={[
              {
                label: t('common.customers'),
                value: `${number(summary.customers)} (${percent(summary.customerShare)})`,
              },
              { label: t('common.revenue'), value: money(summary.revenueSatang) },
              { label: t('common.share'), value: percent(summary.revenueShare) },
              { label: t('common.clv'), value: summary.clvSatang === null ? '–' : money(summary.clvSatang) },
            ]}
          />
          <h2>{t('segments.advice')}</h2>
          <p>{names.get(segment)?.action}</p>
          <h2>{t('segments.members')}</h2>
          <p className="note">{t('common.rows', { count: number(rows.length) })}</p>
          <CustomerListTable
            env={env}
            rows={rows.map((score) => ({ score, contact: contacts.get(score.customerId) }))}
            segmentName={name}
          />
        </>
      ),
    }
  }
  const segments = overview.segments.filter((s) => s.customers > 0)
  return {
    title: t('segments.title'),
    asOf: overview.run.asOf,
    orientation: 'portrait',
    fileStem: 'segments',
    body: (
      <>
        <h2>{t('segments.grid')}</h2>
        <Grid env={env} overview={overview} name={name} />
        <h2>{t('segments.table')}</h2>
        <Table
          rowKey={(s) => s.id}
          rows={segments}
          columns={[
            { label: t('common.segment'), cell: (s) => name(s.id) },
            { label: t('common.customers'), cell: (s) => number(s.customers), numeric: true },
            { label: t('common.share'), cell: (s) => percent(s.customerShare), numeric: true },
            { label: t('common.revenue'), cell: (s) => money(s.revenueSatang), numeric: true },
            { label: t('common.share'), cell: (s) => percent(s.revenueShare), numeric: true },
            {
              label: t('segments.avgRecency'),
              cell: (s) => (s.avgRecencyDays === null ? '–' : number(s.avgRecencyDays)),
              numeric: true,
            },
            {
              label: t('common.clv'),
              cell: (s) => (s.clvSatang === null ? '–' : money(s.clvSatang)),
              numeric: true,
            },
          ]}
        />
        <h2>{t('segments.advice')}</h2>
        {segments.map((s) => (
          <div className="section" key={s.id}>
            <h3>{name(s.id)}</h3>
            <p>{names.get(s.id)?.action}</p>
          </div>
        ))}
      </>
    ),
  }
}
