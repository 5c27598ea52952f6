import { fromDayNumber } from '../../shared/calendar'
import type { RetentionCustomer } from '../../shared/api/retention'
import type { Contact } from './customers'
import type { CustomerHistory } from './history'
import { MIN_PURCHASE_DAYS_FOR_RHYTHM } from './rules'

// A customer's figures as of the as-of day, from their purchase days.

export interface Facts {
  firstDay: number | null
  lastDay: number | null
  purchaseDays: number
  netSatang: number
  daysSinceLast: number | null
  usualGapDays: number | null
  overdueRatio: number | null
}

export function factsOf(history: CustomerHistory | undefined, asOfDay: number): Facts {
  const days = history?.purchaseDays ?? []
  const first = days[0] ?? null
  const last = days[days.length - 1] ?? null
  const gap =
    days.length >= MIN_PURCHASE_DAYS_FOR_RHYTHM && first !== null && last !== null
      ? (last - first) / (days.length - 1)
      : null
  const since = last === null ? null : asOfDay - last
  return {
    firstDay: first,
    lastDay: last,
    purchaseDays: days.length,
    netSatang: history?.netSatang ?? 0,
    daysSinceLast: since,
    usualGapDays: gap,
    overdueRatio: gap !== null && gap > 0 && since !== null ? since / gap : null,
  }
}

/** A list row with every optional figure empty; each list fills in its own. */
export function listRow(contact: Contact, facts: Facts): RetentionCustomer {
  return {
    customerId: contact.id,
    code: contact.code,
    name: contact.name,
    phone: contact.phone,
    lineId: contact.lineId,
    email: contact.email,
    firstPurchase: facts.firstDay === null ? null : fromDayNumber(facts.firstDay),
    lastPurchase: facts.lastDay === null ? null : fromDayNumber(facts.lastDay),
    purchaseDays: facts.purchaseDays,
    netSatang: facts.netSatang,
    daysSinceLast: facts.daysSinceLast,
    valueAtStakeSatang: null,
    usualGapDays: facts.usualGapDays === null ? null : Math.round(facts.usualGapDays * 10) / 10,
    overdueRatio: facts.overdueRatio === null ? null : Math.round(facts.overdueRatio * 100) / 100,
    churnRisk: null,
    reasons: [],
    birthday: null,
    turningAge: null,
    referrerId: null,
    referrerName: null,
    referredCount: null,
    referredBuyers: null,
    referredNetSatang: null,
  }
}

/** Net spend per year as a customer, counting at least one year: what the shop loses if they leave. */
export function yearlyValue(netSatang: number, firstDay: number, asOfDay: number): number {
  return Math.round((netSatang * 365) / Math.max(365, asOfDay - firstDay + 1))
}
