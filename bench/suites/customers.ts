import { loadavg } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db'
import { countCustomers, listCustomers, selectCustomers } from '../../src/main/customers/list'
import { searchCustomers } from '../../src/main/customers/search'
import { freshTotals } from '../../src/main/customers/totals'
import { generateSalesDb } from '../generate-sales-db'
import { seededRandom } from '../../test/helpers/random'
import { atMost, type Figure, type Suite } from '../types'

// The customer book at 100,000 customers: search (name parts in Thai and Latin, codes, phones typed in the
// three usual forms) and the list's first page (sorted by name and by spend), with a breakdown of where a
// page's time goes (totals check, count, page rows) and the list with a search. The machine is shared, so
// every figure is a median or p95 over many interleaved rounds, with the load average seen while measuring.

const FIRST = ['สมชาย', 'สมศรี', 'วิไล', 'ประเสริฐ', 'นภา', 'กิตติ', 'อรุณ', 'มาลี', 'John', 'Anna', 'Somsak', 'Nok']
const LAST = ['ใจดี', 'มีสุข', 'ศรีสวัสดิ์', 'วงศ์ไทย', 'รุ่งเรือง', 'แสงทอง', 'Smith', 'Chaiyaporn', 'Lee', 'Tan']
const KINDS = ['name_part_3', 'name_part_10', 'phone_dashed', 'phone_plus66', 'phone_local', 'code'] as const

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/**
 * Wall times of one measured thing, the CPU time this process spent on it (user + system: what a quiet
 * machine's wall time would be, since the work is one thread waiting on nothing but SQLite) and the 1-minute
 * load average at each run.
 */
class Samples {
  readonly times: number[] = []
  readonly cpu: number[] = []
  readonly loads: number[] = []
  async time<T>(f: () => Promise<T>): Promise<T> {
    const t = performance.now()
    const c = process.cpuUsage()
    const result = await f()
    const used = process.cpuUsage(c)
    this.times.push(performance.now() - t)
    this.cpu.push((used.user + used.system) / 1000)
    this.loads.push(loadavg()[0] ?? 0)
    return result
  }
  load(): string {
    return `load ${Math.min(...this.loads).toFixed(1)}-${Math.max(...this.loads).toFixed(1)}`
  }
}

const describe = (name: string, s: Samples): string =>
  `${name} ${percentile(s.times, 50).toFixed(1)} / ${percentile(s.times, 95).toFixed(1)} (${percentile(s.cpu, 50).toFixed(1)} / ${percentile(s.cpu, 95).toFixed(1)})`

export const customersSuite: Suite = {
  name: 'customers',
  description: 'customer book: search p95 and the list first page at 100,000 customers (generated shop)',
  async run({ quick, workDir }) {
    const customers = quick ? 10_000 : 100_000
    const rounds = quick ? 3 : 30
    const file = join(workDir, 'shop.db')
    await generateSalesDb(file, { customers, meanLines: 2, seed: 20261130 })
    const connection = openDatabase(file)
    try {
      const { sqlite, db } = connection
      const random = seededRandom(7)
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T
      const rename = sqlite.prepare('update customers set name = ? where id = ?')
      sqlite.transaction(() => {
        for (let id = 1; id <= customers; id++) rename.run(`${pick(FIRST)}${id % 7} ${pick(LAST)}${id}`, id)
      })()
      const rebuild = new Samples()
      await rebuild.time(() => freshTotals(db))

      const queries: { kind: (typeof KINDS)[number]; text: string }[] = []
      for (let i = 0; i < 60; i++) {
        const id = 1 + Math.floor(random() * customers)
        const local = `081${String(id).padStart(7, '0')}`
        const kind = KINDS[i % KINDS.length] ?? 'code'
        const text = {
          name_part_3: pick(LAST).slice(1, 4),
          name_part_10: `${pick(FIRST)}${id % 7} ${pick(LAST)}${id}`.slice(2, 12),
          phone_dashed: `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`,
          phone_plus66: `+66 81 ${local.slice(3, 6)} ${local.slice(6)}`,
          phone_local: local,
          code: `C${String(id).padStart(6, '0')}`,
        }[kind]
        queries.push({ kind, text })
      }
      const search = new Samples()
      const byKind = new Map(KINDS.map((k) => [k, new Samples()]))
      const byName = new Samples()
      const bySpend = new Samples()
      const parts = {
        totals_check: new Samples(),
        count_all: new Samples(),
        page_rows_by_name: new Samples(),
        page_rows_by_spend: new Samples(),
        list_by_last_purchase: new Samples(),
        list_search_thai_part: new Samples(),
        list_search_two_letters: new Samples(),
      }
      let hits = 0
      // interleaved: every round runs each measured thing once, so a burst of load hits them alike
      for (let round = 0; round < rounds; round++) {
        for (const q of queries) {
          const kind = byKind.get(q.kind) as Samples
          hits += (await search.time(() => kind.time(() => searchCustomers(db, q.text)))).length
        }
        await byName.time(() => listCustomers(db, { sort: 'name', limit: 200 }))
        await bySpend.time(() => listCustomers(db, { sort: 'spend', direction: 'desc', limit: 200 }))
        await parts.totals_check.time(() => freshTotals(db))
        await parts.count_all.time(() => countCustomers(db, {}))
        await parts.page_rows_by_name.time(() => selectCustomers(db, { sort: 'name', limit: 200 }))
        await parts.page_rows_by_spend.time(() =>
          selectCustomers(db, { sort: 'spend', direction: 'desc', limit: 200 }),
        )
        await parts.list_by_last_purchase.time(() =>
          listCustomers(db, { sort: 'last_purchase', direction: 'desc', limit: 200 }),
        )
        await parts.list_search_thai_part.time(() => listCustomers(db, { search: 'ใจด', limit: 200 }))
        await parts.list_search_two_letters.time(() => listCustomers(db, { search: 'ee', limit: 200 }))
      }
      const label = quick ? '10k' : '100k'
      const target = (value: number, limit: number) => (quick ? {} : atMost(value, limit))
      const figures: Figure[] = [
        {
          name: `search_p95_${label}`,
          value: percentile(search.times, 95),
          unit: 'ms',
          ...target(percentile(search.times, 95), 50),
        },
        { name: `search_median_${label}`, value: percentile(search.times, 50), unit: 'ms' },
        { name: `search_cpu_p95_${label}`, value: percentile(search.cpu, 95), unit: 'ms' },
        { name: `search_cpu_median_${label}`, value: percentile(search.cpu, 50), unit: 'ms' },
        {
          name: `list_first_page_by_name_p95_${label}`,
          value: percentile(byName.times, 95),
          unit: 'ms',
          ...target(percentile(byName.times, 95), 100),
        },
        { name: `list_first_page_by_name_median_${label}`, value: percentile(byName.times, 50), unit: 'ms' },
        { name: `list_first_page_by_name_cpu_p95_${label}`, value: percentile(byName.cpu, 95), unit: 'ms' },
        {
          name: `list_first_page_by_spend_p95_${label}`,
          value: percentile(bySpend.times, 95),
          unit: 'ms',
          ...target(percentile(bySpend.times, 95), 100),
        },
        {
          name: `list_first_page_by_spend_median_${label}`,
          value: percentile(bySpend.times, 50),
          unit: 'ms',
        },
        { name: `totals_rebuild_${label}`, value: rebuild.times[0] ?? Number.NaN, unit: 'ms' },
      ]
      const notes = [
        `${queries.length} searches x ${rounds} rounds (name parts, codes, phones in 3 forms), ${hits} hits; list pages of 200 rows, ${rounds} runs each, interleaved`,
        `load average (1 min) while measuring: search ${search.load()}; first page by name ${byName.load()}; by spend ${bySpend.load()}; totals rebuild ${rebuild.load()}`,
        `search by kind, wall median / p95 ms (cpu median / p95): ${[...byKind].map(([k, s]) => describe(k, s)).join('; ')}`,
        `first page breakdown, wall median / p95 ms (cpu median / p95), ${parts.count_all.load()}: ${Object.entries(
          parts,
        )
          .map(([k, s]) => describe(k, s))
          .join('; ')}`,
      ]
      return { suite: 'customers', figures, notes }
    } finally {
      await connection.close()
    }
  },
}
