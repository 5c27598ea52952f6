import { join } from 'node:path'
import { openDatabase } from '../../src/main/db'
import { listCustomers } from '../../src/main/customers/list'
import { searchCustomers } from '../../src/main/customers/search'
import { freshTotals } from '../../src/main/customers/totals'
import { generateSalesDb } from '../generate-sales-db'
import { seededRandom } from '../../test/helpers/random'
import { atMost, type Suite } from '../types'

// The customer book at 100,000 customers: search (name parts in Thai and Latin, codes, phones typed in the
// three usual forms) and the list's first page (sorted by name and by spend).

const FIRST = ['สมชาย', 'สมศรี', 'วิไล', 'ประเสริฐ', 'นภา', 'กิตติ', 'อรุณ', 'มาลี', 'John', 'Anna', 'Somsak', 'Nok']
const LAST = ['ใจดี', 'มีสุข', 'ศรีสวัสดิ์', 'วงศ์ไทย', 'รุ่งเรือง', 'แสงทอง', 'Smith', 'Chaiyaporn', 'Lee', 'Tan']

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

export const customersSuite: Suite = {
  name: 'customers',
  description: 'customer book: search p95 and the list first page at 100,000 customers (generated shop)',
  async run({ quick, workDir }) {
    const customers = quick ? 10_000 : 100_000
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
      let t = performance.now()
      await freshTotals(db)
      const totalsMs = performance.now() - t

      const queries: string[] = []
      for (let i = 0; i < 200; i++) {
        const id = 1 + Math.floor(random() * customers)
        const local = `081${String(id).padStart(7, '0')}`
        const kind = i % 6
        queries.push(
          kind === 0
            ? pick(LAST).slice(1, 4)
            : kind === 1
              ? `${pick(FIRST)}${id % 7} ${pick(LAST)}${id}`.slice(2, 12)
              : kind === 2
                ? `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`
                : kind === 3
                  ? `+66 81 ${local.slice(3, 6)} ${local.slice(6)}`
                  : kind === 4
                    ? local
                    : `C${String(id).padStart(6, '0')}`,
        )
      }
      const times: number[] = []
      let hits = 0
      for (const q of queries) {
        t = performance.now()
        hits += (await searchCustomers(db, q)).length
        times.push(performance.now() - t)
      }
      const p95 = percentile(times, 95)
      const firstPage = async (sort: 'name' | 'spend') => {
        const runs: number[] = []
        for (let i = 0; i < 5; i++) {
          t = performance.now()
          await listCustomers(db, { sort, direction: sort === 'spend' ? 'desc' : 'asc', limit: 200 })
          runs.push(performance.now() - t)
        }
        return percentile(runs, 50)
      }
      const byName = await firstPage('name')
      const bySpend = await firstPage('spend')
      const label = quick ? '10k' : '100k'
      return {
        suite: 'customers',
        figures: [
          { name: `search_p95_${label}`, value: p95, unit: 'ms', ...(quick ? {} : atMost(p95, 50)) },
          { name: `search_median_${label}`, value: percentile(times, 50), unit: 'ms' },
          {
            name: `list_first_page_by_name_${label}`,
            value: byName,
            unit: 'ms',
            ...(quick ? {} : atMost(byName, 100)),
          },
          {
            name: `list_first_page_by_spend_${label}`,
            value: bySpend,
            unit: 'ms',
            ...(quick ? {} : atMost(bySpend, 100)),
          },
          { name: `totals_rebuild_${label}`, value: totalsMs, unit: 'ms' },
        ],
        notes: [
          `${queries.length} searches (name parts, codes, phones in 3 forms), ${hits} hits; list pages of 200 rows, median of 5`,
        ],
      }
    } finally {
      await connection.close()
    }
  },
}
