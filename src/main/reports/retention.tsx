/** @jsxRuntime automatic */
import { snapshotCohorts } from '../analysis/stored-cohorts'
import type { Connection } from '../db'
import { BarChart, heatStyle } from './charts'
import type { BuiltReport, ReportEnv } from './env'
import { Table } from './parts'

const MONTHS = 12

/** Cohort retention, new vs returning revenue and second-purchase conversion over the last 12 months. */
export function retentionReport(connection: Connection, env: ReportEnv): BuiltReport {
  const { t, money, moneyCompact, number, percent } = env
  const c = snapshotCohorts(connection.sqlite, { months: MONTHS })
  const base = {
    title: t('retention.title'),
    orientation: 'landscape' as const,
    fileStem: 'retention',
    asOf: c.asOf,
  }
  if (c.asOf === null) return { ...base, body: <p>{t('retention.noSales')}</p> }
  const width = Math.max(0, ...c.cohorts.map((x) => x.retention.length))
  const ks = Array.from({ length: width }, (_, k) => k)
  return {
    ...base,
    body: (
      <>
        <h2>{t('retention.cohorts')}</h2>
        <table className="heat">
          <thead>
            <tr>
              <th>{t('retention.cohort')}</th>
              <th className="num">{t('common.customers')}</th>
              {ks.map((k) => (
                <th key={k}>{k}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.cohorts.map((row) => (
              <tr key={row.month}>
                <th>{env.month(row.month)}</th>
                <td className="num">{number(row.customers)}</td>
                {ks.map((k) => {
                  const v = row.retention[k]
                  return (
                    <td key={k} style={v === undefined || k === 0 ? undefined : heatStyle(v * 2)}>
                      {v === undefined ? '' : percent(v)}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('retention.newVsReturning')}</h2>
        <figure>
          <BarChart
            stacked
            height={200}
            categories={c.newVsReturning.map((m) => env.monthAxis(m.month))}
            series={[
              { label: t('retention.newRevenue'), values: c.newVsReturning.map((m) => m.newRevenueSatang) },
              {
                label: t('retention.returningRevenue'),
                values: c.newVsReturning.map((m) => m.returningRevenueSatang),
              },
              {
                label: t('retention.walkInRevenue'),
                values: c.newVsReturning.map((m) => m.anonymousRevenueSatang),
              },
            ]}
            format={moneyCompact}
          />
        </figure>
        <Table
          rowKey={(m) => m.month}
          rows={c.newVsReturning}
          columns={[
            { label: t('common.month'), cell: (m) => env.month(m.month), nowrap: true },
            { label: t('retention.newCustomers'), cell: (m) => number(m.newCustomers), numeric: true },
            {
              label: t('retention.returningRevenue'),
              cell: (m) => number(m.returningCustomers),
              numeric: true,
            },
            {
              label: `${t('common.revenue')}: ${t('retention.newRevenue')}`,
              cell: (m) => money(m.newRevenueSatang),
              numeric: true,
            },
            {
              label: `${t('common.revenue')}: ${t('retention.returningRevenue')}`,
              cell: (m) => money(m.returningRevenueSatang),
              numeric: true,
            },
            {
              label: t('retention.walkInRevenue'),
              cell: (m) => money(m.anonymousRevenueSatang),
              numeric: true,
            },
          ]}
        />
        <h2>{t('retention.secondPurchase')}</h2>
        <Table
          rowKey={(m) => m.month}
          rows={c.secondPurchase}
          columns={[
            { label: t('retention.cohort'), cell: (m) => env.month(m.month), nowrap: true },
            { label: t('retention.newCustomers'), cell: (m) => number(m.newCustomers), numeric: true },
            { label: t('retention.converted'), cell: (m) => number(m.converted), numeric: true },
            {
              label: t('common.share'),
              cell: (m) => (m.newCustomers > 0 ? percent(m.converted / m.newCustomers) : '–'),
              numeric: true,
            },
          ]}
        />
      </>
    ),
  }
}
