import type { SatisfactionLevel } from '../db/schema'
import { buildBasket } from './basket'
import { COMMENTS, SLOW_STAFF, STORES, SURVEY, type AspectKey } from './catalog'
import type { CustomerPlan } from './customers'
import { hourWeights, timestamp, type DemoDay } from './days'
import type { Random } from './random'
import type { DemoLine, DemoReceipt, DemoResponse, Persona } from './types'

// Simulates purchases day by day. Satisfaction feeds back into behaviour: a customer disappointed on
// several aspects often stops coming, a delighted one comes a little more often, so the analysis of
// "later buying by level" has a real effect to find.

export interface SimulationState {
  random: Random
  days: readonly DemoDay[]
  nextSeq: number
}

interface Visit {
  customer: number | null
  persona: Persona
  favourite: number | null
  store: number
  day: DemoDay
  discounted: boolean
}

function staffOnDuty(store: number, dayIndex: number, hour: number): string {
  const staff = STORES[store]?.staff ?? []
  return staff[(dayIndex + (hour >= 13 ? 1 : 0)) % staff.length] ?? ''
}

function totals(lines: DemoLine[]): Pick<DemoReceipt, 'grossSatang' | 'discountSatang' | 'netSatang'> {
  let gross = 0
  let discount = 0
  let net = 0
  for (const line of lines) {
    gross += line.unitPriceSatang * line.quantity
    discount += line.discountSatang
    net += line.netSatang
  }
  return { grossSatang: gross, discountSatang: discount, netSatang: net }
}

function makeSale(state: SimulationState, visit: Visit, dayIndex: number): DemoReceipt {
  const { random } = state
  const hour = random.weighted(hourWeights(), ([, w]) => w)[0]
  const lines = buildBasket(
    random,
    {
      persona: visit.persona,
      favourite: visit.favourite,
      month: visit.day.month,
      dayOfMonth: visit.day.dayOfMonth,
      hour,
    },
    visit.discounted,
  )
  return {
    seq: state.nextSeq++,
    store: visit.store,
    customer: visit.customer,
    occurredAt: timestamp(visit.day.date, hour, random.int(0, 59), random.int(0, 59)),
    kind: 'sale',
    staff: staffOnDuty(visit.store, dayIndex, hour),
    lines,
    ...totals(lines),
    receiptNumber: '',
  }
}

/** A refund of one line of a sale, later the same day (amounts and quantity negative, as POS exports have them). */
function makeRefund(state: SimulationState, sale: DemoReceipt): DemoReceipt {
  const line = state.random.pick(sale.lines)
  const refunded: DemoLine = {
    product: line.product,
    quantity: -line.quantity,
    unitPriceSatang: line.unitPriceSatang,
    discountSatang: -line.discountSatang,
    netSatang: -line.netSatang,
  }
  const [date, time] = sale.occurredAt.split('T') as [string, string]
  const hour = Math.min(20, Number(time.slice(0, 2)) + state.random.int(1, 2))
  return {
    ...sale,
    seq: state.nextSeq++,
    occurredAt: timestamp(date, hour, 59, state.random.int(0, 59)),
    kind: 'refund',
    lines: [refunded],
    ...totals([refunded]),
  }
}

const BASE_LEVELS: Record<AspectKey, { delighted: number; disappointed: number }> = {
  taste: { delighted: 0.45, disappointed: 0.08 },
  speed: { delighted: 0.3, disappointed: 0.16 },
  staff: { delighted: 0.45, disappointed: 0.08 },
  cleanliness: { delighted: 0.35, disappointed: 0.1 },
  value: { delighted: 0.25, disappointed: 0.15 },
}

function rate(random: Random, sale: DemoReceipt, persona: Persona, mood: number): SatisfactionLevel[] {
  const hour = Number(sale.occurredAt.slice(11, 13))
  return SURVEY.aspects.map(({ key }) => {
    let { delighted, disappointed } = BASE_LEVELS[key]
    if (sale.staff === SLOW_STAFF && (key === 'speed' || key === 'staff')) {
      disappointed += 0.22
      delighted -= 0.15
    }
    if (key === 'speed' && (hour === 8 || hour === 12)) disappointed += 0.08
    if (key === 'cleanliness' && sale.store === 1) disappointed += 0.1
    if (key === 'value' && sale.netSatang > 50_000) delighted += 0.1
    if (persona === 'regular') delighted += 0.1
    delighted = Math.max(0, delighted + mood)
    disappointed = Math.max(0, disappointed - mood / 2)
    const r = random.next()
    return r < disappointed ? 'disappointed' : r < disappointed + delighted ? 'delighted' : 'satisfied'
  })
}

function respond(
  state: SimulationState,
  sale: DemoReceipt,
  customer: number,
  persona: Persona,
): DemoResponse {
  const { random } = state
  const levels = rate(random, sale, persona, random.normal(0, 0.08))
  const worst: keyof typeof COMMENTS = levels.includes('disappointed')
    ? 'disappointed'
    : levels.filter((l) => l === 'delighted').length >= 3
      ? 'delighted'
      : 'satisfied'
  // Answered through the receipt's QR code 10 minutes to 4 hours later, the same day.
  const [date, time] = sale.occurredAt.split('T') as [string, string]
  const [h = 0, m = 0, sec = 0] = time.split(':').map(Number)
  const at = Math.min(h * 3600 + m * 60 + sec + random.int(600, 4 * 3600), 24 * 3600 - 1)
  return {
    customer,
    receiptSeq: sale.seq,
    store: sale.store,
    staff: sale.staff,
    respondedAt: timestamp(date, Math.floor(at / 3600), Math.floor(at / 60) % 60, at % 60),
    levels,
    comment: random.chance(0.3) ? random.pick(COMMENTS[worst]) : '',
  }
}

export interface CustomerHistory {
  receipts: DemoReceipt[]
  responses: DemoResponse[]
}

export function simulateCustomer(state: SimulationState, index: number, plan: CustomerPlan): CustomerHistory {
  const { random, days } = state
  const persona = plan.customer.persona
  const receipts: DemoReceipt[] = []
  const responses: DemoResponse[] = []
  let lastDay = plan.lastDay
  let meanGap = plan.meanGap
  let visits = 0
  for (let d = plan.firstDay; d <= lastDay; d++) {
    const day = days[d]
    if (!day) break
    if (d !== plan.firstDay && !random.chance(Math.min(0.9, day.traffic / meanGap))) continue
    const store = random.chance(0.9) ? plan.homeStore : 1 - plan.homeStore
    const discounted = visits >= 5 && random.chance(0.2)
    const sale = makeSale(
      state,
      { customer: index, persona, favourite: plan.favourite, store, day, discounted },
      d,
    )
    receipts.push(sale)
    visits++
    let refundChance = 0.006
    if (random.chance(persona === 'one_timer' ? 0.25 : 0.08)) {
      const response = respond(state, sale, index, persona)
      responses.push(response)
      const disappointed = response.levels.filter((l) => l === 'disappointed').length
      if (disappointed >= 1) refundChance = 0.1
      if (disappointed >= 2 && persona !== 'one_timer' && random.chance(0.4)) lastDay = d // they stop coming
      if (response.levels.every((l) => l === 'delighted')) meanGap *= 0.85
    }
    if (random.chance(refundChance)) receipts.push(makeRefund(state, sale))
  }
  return { receipts, responses }
}

/** Sales to people the shop does not know (no customer record), about ten a day. */
export function simulateWalkIns(state: SimulationState): DemoReceipt[] {
  const { random, days } = state
  const receipts: DemoReceipt[] = []
  days.forEach((day, d) => {
    const count = Math.max(0, Math.round(random.normal(9 * day.traffic, 2.5)))
    for (let i = 0; i < count; i++) {
      const store = random.chance(0.65) ? 0 : 1
      const sale = makeSale(
        state,
        { customer: null, persona: 'one_timer', favourite: null, store, day, discounted: false },
        d,
      )
      receipts.push(sale)
      if (random.chance(0.004)) receipts.push(makeRefund(state, sale))
    }
  })
  return receipts
}
