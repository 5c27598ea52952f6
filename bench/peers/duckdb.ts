import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { addDays } from '../../src/main/analysis/dates'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'

// DuckDB, the engine an analyst would reach for, over the same receipts as Lukkha: the receipts, lines and
// products are copied out of the shop database with the sqlite3 CLI as CSV and loaded with read_csv (not
// timed here), then each piece of work is the SQL an analyst would write for the same definitions as Lukkha's
// (src/main/analysis/README.md): a purchase is a sale with a net total other than 0, refunds subtract
// -abs(net), the quintile tie rule is 1 + floor(5 * strictly worse / n), the default segment map with minF.

export interface DuckPeer {
  connection: DuckDBConnection
  close(): void
}

/** Copies the shop's receipts, lines and products into an in-memory DuckDB. */
export async function duckPeer(db: string, workDir: string): Promise<DuckPeer> {
  const files = {
    receipts: join(workDir, 'duck-receipts.csv'),
    lines: join(workDir, 'duck-lines.csv'),
    products: join(workDir, 'duck-products.csv'),
  }
  execFileSync('sh', [
    '-c',
    [
      `sqlite3 -csv -header '${db}' "select id, customer_id, occurred_at, kind, net_satang from receipts" > '${files.receipts}'`,
      `sqlite3 -csv -header '${db}' "select receipt_id, product_id, quantity, net_satang from receipt_lines" > '${files.lines}'`,
      `sqlite3 -csv -header '${db}' "select id, name, category from products" > '${files.products}'`,
    ].join(' && '),
  ])
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  await connection.run(
    `create table receipts as select * from read_csv('${files.receipts}', types = {'occurred_at': 'VARCHAR'})`,
  )
  await connection.run(`create table receipt_lines as select * from read_csv('${files.lines}')`)
  await connection.run(`create table products as select * from read_csv('${files.products}')`)
  const cells = DEFAULT_SEGMENT_RULES.segments.flatMap((s) =>
    s.cells.map((c) => `(${c.r}, ${c.fm}, '${s.id}', ${s.minF ?? 1})`),
  )
  await connection.run(`create table cells (r integer, fm integer, segment varchar, min_f integer)`)
  await connection.run(`insert into cells values ${cells.join(', ')}`)
  return {
    connection,
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

/** DuckDB's `read_csv` of a file into a table, in a fresh in-memory database: the CSV-loading peer. */
export async function duckReadCsv(file: string): Promise<{ seconds: number; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const start = performance.now()
    await connection.run(`create table raw as select * from read_csv('${file}', all_varchar = true)`)
    const seconds = (performance.now() - start) / 1000
    const rows = await connection.runAndReadAll('select count(*) from raw')
    return { seconds, rows: Number(rows.getRows()[0]?.[0] ?? 0) }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** RFM scores and segments as of a date, all history (Lukkha's computeRfm), read back into JS rows. */
export async function duckRfm(peer: DuckPeer, asOf: string): Promise<unknown[][]> {
  const end = addDays(asOf, 1)
  const result = await peer.connection.runAndReadAll(`
    with agg as (
      select customer_id,
             count(*) filter (where kind = 'sale' and net_satang <> 0) as frequency,
             sum(case when kind = 'refund' then -abs(net_satang) else net_satang end) as monetary,
             max(occurred_at) filter (where kind = 'sale' and net_satang <> 0) as last_sale
        from receipts
       where customer_id is not null and occurred_at < '${end}'
       group by customer_id
      having frequency > 0
    ), scored as (
      select customer_id, frequency, monetary,
             date_diff('day', cast(substr(last_sale, 1, 10) as date), date '${asOf}') as recency
        from agg
    ), quintiles as (
      select *,
             1 + floor(5 * (rank() over (order by recency desc) - 1) / count(*) over ()) as r,
             1 + floor(5 * (rank() over (order by frequency) - 1) / count(*) over ()) as f,
             1 + floor(5 * (rank() over (order by monetary) - 1) / count(*) over ()) as m
        from scored
    )
    select q.customer_id, q.recency, q.frequency, q.monetary, q.r, q.f, q.m,
           case when q.f >= c.min_f then c.segment else c1.segment end as segment
      from quintiles q
      join cells c on c.r = q.r and c.fm = floor((q.f + q.m + 1) / 2)
      join cells c1 on c1.r = q.r and c1.fm = 1`)
  return result.getRows()
}

/**
 * Acquisition cohorts as of a date: each customer's cohort month, active customers and net revenue by month
 * offset (Lukkha's computeCohorts also gives new vs returning and second-purchase conversion; this is the
 * core an analyst would write first).
 */
export async function duckCohorts(peer: DuckPeer, asOf: string): Promise<number> {
  const end = addDays(asOf, 1)
  const result = await peer.connection.runAndReadAll(`
    with r as (
      select customer_id, substr(occurred_at, 1, 7) as month,
             kind = 'sale' and net_satang <> 0 as purchase,
             case when kind = 'refund' then -abs(net_satang) else net_satang end as net
        from receipts
       where customer_id is not null and occurred_at < '${end}'
    ), firsts as (
      select customer_id, min(month) as cohort from r where purchase group by customer_id
    )
    select f.cohort,
           greatest(0, date_diff('month', cast(f.cohort || '-01' as date), cast(r.month || '-01' as date))) as k,
           count(distinct r.customer_id) filter (where r.purchase) as active,
           sum(r.net) as revenue
      from r join firsts f using (customer_id)
     group by all
     order by all`)
  return result.getRows().length
}

/** The dashboard's figures (src/main/dashboard/index.ts), the same queries in DuckDB's SQL. */
export async function duckDashboard(peer: DuckPeer, asOf: string): Promise<void> {
  const tomorrow = addDays(asOf, 1)
  const thisMonth = `${asOf.slice(0, 7)}-01`
  const from90 = addDays(asOf, -89)
  const c = peer.connection
  await c.runAndReadAll(`select count(*) from receipts`) // customers card: Lukkha counts its customers table
  await c.runAndReadAll(
    `select count(distinct customer_id) from receipts where kind = 'sale' and occurred_at >= '${from90}' and occurred_at < '${tomorrow}'`,
  )
  await c.runAndReadAll(
    `select count(*) from (select min(occurred_at) as first from receipts where kind = 'sale' and customer_id is not null group by customer_id) where first >= '${thisMonth}' and first < '${tomorrow}'`,
  )
  await c.runAndReadAll(
    `select coalesce(sum(net_satang), 0) from receipts where occurred_at >= '${thisMonth}' and occurred_at < '${tomorrow}'`,
  )
  const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`
  const sameDay = addDays(lastMonth, Number(asOf.slice(8, 10)))
  for (const [from, to] of [
    [lastMonth, sameDay < thisMonth ? sameDay : thisMonth],
    [lastMonth, thisMonth],
  ]) {
    await c.runAndReadAll(
      `select coalesce(sum(net_satang), 0) from receipts where occurred_at >= '${from}' and occurred_at < '${to}'`,
    )
  }
  await c.runAndReadAll(
    `select substr(occurred_at, 1, 7) as month, sum(net_satang), sum(case when kind = 'sale' then 1 else 0 end) from receipts where occurred_at >= '${addDays(thisMonth, -335).slice(0, 7)}-01' and occurred_at < '${tomorrow}' group by month`,
  )
  await c.runAndReadAll(
    `select p.id, p.name, p.category, sum(l.quantity), sum(l.net_satang) as net
       from receipt_lines l join receipts r on r.id = l.receipt_id join products p on p.id = l.product_id
      where r.occurred_at >= '${from90}' and r.occurred_at < '${tomorrow}'
      group by p.id, p.name, p.category order by net desc, p.id limit 5`,
  )
}
