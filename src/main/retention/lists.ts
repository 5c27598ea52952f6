import type { Kysely } from 'kysely'
import { dayNumber } from '../../shared/calendar'
import type { RetentionCustomer, RetentionList, RetentionListResult } from '../../shared/api/retention'
import { lastSaleDate } from '../dashboard'
import type { Database } from '../db/schema'
import { allContacts, churnScores, contactsById, type Contact } from './customers'
import { factsOf, listRow, yearlyValue } from './facts'
import { loadHistory, resolveAsOf, type CustomerHistory, type History } from './history'
import { LAPSED_DAYS, LIST_LIMIT, NEW_CUSTOMER_DAYS, OVERDUE_RATIO, VALUABLE_TOP_SHARE } from './rules'

// The customer lists of the retention and growth pages (README.md has the definitions). Each returns every
// matching customer in the list's order; the page shows the first `limit`, the export and the print all.

interface Built {
  churnRunAsOf: string | null
  rows: RetentionCustomer[]
}

const byId = (history: History): Map<number, CustomerHistory> =>
  new Map(history.customers.map((c) => [c.customerId, c]))

async function atRisk(db: Kysely<Database>, history: History): Promise<Built> {
  const scores = await churnScores(db, history.asOf)
  const runDay = scores.runAsOf === null ? null : dayNumber(scores.runAsOf)
  const candidates: {
    history: CustomerHistory
    reasons: RetentionCustomer['reasons']
    risk: number | null
  }[] = []
  for (const c of history.customers) {
    const f = factsOf(c, history.asOfDay)
    if (f.purchaseDays < 2 || f.daysSinceLast === null || f.daysSinceLast >= LAPSED_DAYS) continue
    const reasons: RetentionCustomer['reasons'] = []
    // A score is about the run's day: a customer who bought after it is judged by their rhythm only.
    const score = runDay !== null && (f.lastDay ?? 0) <= runDay ? scores.risk.get(c.customerId) : undefined
    if (score?.level === 'high') reasons.push('churn_high')
    if (f.overdueRatio !== null && f.overdueRatio >= OVERDUE_RATIO) reasons.push('overdue')
    if (reasons.length > 0) candidates.push({ history: c, reasons, risk: score?.risk ?? null })
  }
  const contacts = await contactsById(
    db,
    candidates.map((c) => c.history.customerId),
  )
  const rows = candidates.flatMap(({ history: c, reasons, risk }) => {
    const contact = contacts.get(c.customerId)
    if (!contact) return []
    const f = factsOf(c, history.asOfDay)
    return [
      {
        ...listRow(contact, f),
        valueAtStakeSatang: yearlyValue(f.netSatang, f.firstDay ?? history.asOfDay, history.asOfDay),
        churnRisk: risk,
        reasons,
      },
    ]
  })
  rows.sort(
    (a, b) =>
      b.valueAtStakeSatang - a.valueAtStakeSatang || b.netSatang - a.netSatang || a.customerId - b.customerId,
  )
  return { churnRunAsOf: scores.runAsOf, rows }
}

/** The least net spend that puts a customer in the top VALUABLE_TOP_SHARE of the buyers. */
export function valuableThreshold(spends: number[]): number {
  const sorted = [...spends].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.POSITIVE_INFINITY
  // the value at the (1 - share) quantile: at most the top share have more, everyone equal to it is in
  const at = Math.min(sorted.length - 1, Math.ceil(sorted.length * (1 - VALUABLE_TOP_SHARE)))
  return Math.max(1, sorted[at] ?? 0)
}

async function winBack(db: Kysely<Database>, history: History): Promise<Built> {
  const bought = history.customers.filter((c) => c.purchaseDays.length > 0)
  const threshold = valuableThreshold(bought.map((c) => c.netSatang))
  const lapsed = bought.filter((c) => {
    const f = factsOf(c, history.asOfDay)
    return (f.daysSinceLast ?? 0) >= LAPSED_DAYS && c.netSatang >= threshold
  })
  return { churnRunAsOf: null, rows: await rowsOf(db, history, lapsed, (a, b) => b.netSatang - a.netSatang) }
}

async function notReturned(db: Kysely<Database>, history: History): Promise<Built> {
  const waiting = history.customers.filter(
    (c) => c.purchaseDays.length === 1 && history.asOfDay - (c.purchaseDays[0] ?? 0) < NEW_CUSTOMER_DAYS,
  )
  return {
    churnRunAsOf: null,
    rows: await rowsOf(
      db,
      history,
      waiting,
      (a, b) => (b.daysSinceLast ?? 0) - (a.daysSinceLast ?? 0) || b.netSatang - a.netSatang,
    ),
  }
}

async function rowsOf(
  db: Kysely<Database>,
  history: History,
  customers: CustomerHistory[],
  order: (a: RetentionCustomer, b: RetentionCustomer) => number,
): Promise<RetentionCustomer[]> {
  const contacts = await contactsById(
    db,
    customers.map((c) => c.customerId),
  )
  const rows = customers.flatMap((c) => {
    const contact = contacts.get(c.customerId)
    return contact ? [listRow(contact, factsOf(c, history.asOfDay))] : []
  })
  return rows.sort((a, b) => order(a, b) || a.customerId - b.customerId)
}

function birthdays(contacts: Contact[], history: History): Built {
  const month = history.asOf.slice(5, 7)
  const year = Number(history.asOf.slice(0, 4))
  const histories = byId(history)
  const rows = contacts
    .filter((c) => c.birthday !== null && c.birthday.slice(5, 7) === month)
    .map((c) => {
      const born = Number(c.birthday?.slice(0, 4))
      return {
        ...listRow(c, factsOf(histories.get(c.id), history.asOfDay)),
        birthday: c.birthday,
        turningAge: born > 1900 && born <= year ? year - born : null,
      }
    })
  rows.sort(
    (a, b) =>
      (a.birthday ?? '').slice(8).localeCompare((b.birthday ?? '').slice(8)) ||
      a.name.localeCompare(b.name) ||
      a.customerId - b.customerId,
  )
  return { churnRunAsOf: null, rows }
}

function referred(contacts: Contact[], history: History): Built {
  const histories = byId(history)
  const names = new Map(contacts.map((c) => [c.id, c.name]))
  const rows = contacts
    .filter((c) => c.referredBy !== null)
    .map((c) => ({
      ...listRow(c, factsOf(histories.get(c.id), history.asOfDay)),
      referrerId: c.referredBy,
      referrerName: names.get(c.referredBy ?? 0) ?? null,
    }))
  rows.sort((a, b) => b.netSatang - a.netSatang || a.customerId - b.customerId)
  return { churnRunAsOf: null, rows }
}

/** The referral leaderboard: referrers by referred customers who bought, then by what those spent. */
function referrers(contacts: Contact[], history: History): Built {
  const histories = byId(history)
  const tally = new Map<number, { count: number; buyers: number; net: number }>()
  for (const c of contacts) {
    if (c.referredBy === null) continue
    const h = histories.get(c.id)
    const t = tally.get(c.referredBy) ?? { count: 0, buyers: 0, net: 0 }
    t.count++
    if (h && h.purchaseDays.length > 0) t.buyers++
    t.net += h?.netSatang ?? 0
    tally.set(c.referredBy, t)
  }
  const rows = contacts.flatMap((c) => {
    const t = tally.get(c.id)
    if (!t) return []
    return [
      {
        ...listRow(c, factsOf(histories.get(c.id), history.asOfDay)),
        referredCount: t.count,
        referredBuyers: t.buyers,
        referredNetSatang: t.net,
      },
    ]
  })
  rows.sort(
    (a, b) =>
      b.referredBuyers - a.referredBuyers ||
      b.referredNetSatang - a.referredNetSatang ||
      b.referredCount - a.referredCount ||
      a.customerId - b.customerId,
  )
  return { churnRunAsOf: null, rows }
}

/** Every row of a list as of `asOf` (default: the last sale's day), in the list's order. */
export async function buildList(
  db: Kysely<Database>,
  list: RetentionList,
  chosenAsOf: string | undefined,
  today: string,
): Promise<{ asOf: string; churnRunAsOf: string | null; rows: RetentionCustomer[] }> {
  const asOf = await resolveAsOf(db, chosenAsOf, today)
  const history = await loadHistory(db, asOf)
  const built = await (async (): Promise<Built> => {
    switch (list) {
      case 'at_risk':
        return atRisk(db, history)
      case 'win_back':
        return winBack(db, history)
      case 'not_returned':
        return notReturned(db, history)
      case 'birthdays':
        return birthdays(await allContacts(db), history)
      case 'referred':
        return referred(await allContacts(db), history)
      case 'referrers':
        return referrers(await allContacts(db), history)
    }
  })()
  return { asOf, ...built }
}

export async function retentionList(
  db: Kysely<Database>,
  input: { list: RetentionList; asOf?: string; limit?: number },
  today: string,
): Promise<RetentionListResult> {
  const built = await buildList(db, input.list, input.asOf, today)
  return {
    list: input.list,
    asOf: built.asOf,
    lastSaleDate: await lastSaleDate(db),
    churnRunAsOf: built.churnRunAsOf,
    total: built.rows.length,
    customers: built.rows.slice(0, input.limit ?? LIST_LIMIT),
  }
}
