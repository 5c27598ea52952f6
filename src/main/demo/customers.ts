import { ACQUISITION_SOURCES } from './catalog'
import { EMAIL_DOMAINS, FAMILY_NAMES, GIVEN_NAMES } from './names'
import type { Random } from './random'
import type { DemoCustomer, Persona } from './types'

// Who the demo's customers are and when each first came. Their purchases are simulated in visits.ts.

/** Share of each customer type among the demo's customers. */
export const PERSONA_SHARES: Record<Persona, number> = {
  regular: 0.11,
  occasional: 0.28,
  lapsed: 0.17,
  one_timer: 0.32,
  big_spender: 0.05,
  new: 0.07,
}

export interface CustomerPlan {
  customer: Omit<DemoCustomer, 'firstSeen' | 'lastSeen'>
  /** Day index (into the demo's days) of the first purchase. */
  firstDay: number
  /** Last day index on which the customer may still buy (lapsed customers stop early). */
  lastDay: number
  /** Mean number of days between visits while active. */
  meanGap: number
  homeStore: number
  favourite: number
}

const PERSONAS = Object.keys(PERSONA_SHARES) as Persona[]

function personaList(random: Random, count: number): Persona[] {
  const list: Persona[] = []
  for (const persona of PERSONAS) {
    const n = Math.round(count * PERSONA_SHARES[persona])
    for (let i = 0; i < n && list.length < count; i++) list.push(persona)
  }
  while (list.length < count) list.push('occasional')
  // Fisher-Yates so personas are not grouped by id.
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    const a = list[i]
    const b = list[j]
    if (a !== undefined && b !== undefined) {
      list[i] = b
      list[j] = a
    }
  }
  return list
}

/** First day, last day and rhythm of a customer of this type over a period of `days` days. */
function rhythm(
  random: Random,
  persona: Persona,
  days: number,
): Pick<CustomerPlan, 'firstDay' | 'lastDay' | 'meanGap'> {
  // More customers arrive later in the period: the shop is growing.
  const growing = (from: number, to: number): number =>
    Math.round(from + (to - from) * Math.sqrt(random.next()))
  // Many loyal customers were already coming when the sales history starts.
  const established = (to: number): number => (random.chance(0.4) ? random.int(0, 30) : growing(0, to))
  const end = days - 1
  switch (persona) {
    case 'regular':
      return { firstDay: established(end - 120), lastDay: end, meanGap: random.int(3, 8) }
    case 'occasional':
      return { firstDay: established(end - 60), lastDay: end, meanGap: random.int(20, 60) }
    case 'big_spender':
      return { firstDay: established(end - 150), lastDay: end, meanGap: random.int(12, 30) }
    case 'new':
      return { firstDay: random.int(end - 59, end), lastDay: end, meanGap: random.int(5, 20) }
    case 'one_timer': {
      const firstDay = growing(0, end)
      return { firstDay, lastDay: firstDay, meanGap: Number.POSITIVE_INFINITY }
    }
    case 'lapsed': {
      // Bought often for a few months, then stopped at least 120 days before the end.
      const firstDay = random.int(0, Math.max(0, end - 300))
      const lastDay = Math.min(firstDay + random.int(60, 180), end - 120)
      return { firstDay, lastDay: Math.max(firstDay, lastDay), meanGap: random.int(6, 16) }
    }
  }
}

const NOTES: Partial<Record<Persona, readonly string[]>> = {
  big_spender: ['สั่งเค้กวันเกิดให้ลูกทุกปี', 'ซื้อกระเช้าให้ลูกค้าบริษัทช่วงปีใหม่', 'สั่งเบรกประชุมให้ออฟฟิศ'],
  regular: ['หวานน้อย', 'ใช้นมโอ๊ตแทนนมวัว', 'มาทุกเช้าก่อนเข้างาน'],
}

export function planCustomers(
  random: Random,
  count: number,
  days: number,
  chooseFavourite: (random: Random) => number,
): CustomerPlan[] {
  const personas = personaList(random, count)
  const phones = new Set<string>()
  const emails = new Set<string>()
  const drafts = personas.map((persona) => {
    const [givenTh, givenEn] = random.pick(GIVEN_NAMES)
    const [familyTh, familyEn] = random.pick(FAMILY_NAMES)
    let phone: string | null = null
    if (random.chance(persona === 'one_timer' ? 0.85 : 0.97)) {
      do phone = `+668${random.int(1, 9)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
      while (phones.has(phone))
      phones.add(phone)
    }
    let email: string | null = null
    if (random.chance(persona === 'big_spender' ? 0.7 : 0.3)) {
      do {
        const local = random.chance(0.5) ? `${givenEn}.${familyEn}` : `${givenEn}${random.int(70, 99)}`
        email = `${local}${random.chance(0.3) ? random.int(1, 99) : ''}@${random.pick(EMAIL_DOMAINS)}`
      } while (emails.has(email))
      emails.add(email)
    }
    const lineId = random.chance(0.4)
      ? random.pick([
          `${givenEn}_${random.int(1, 999)}`,
          `${givenEn}.${familyEn.slice(0, 3)}`,
          `@${givenEn}${random.int(10, 99)}`,
        ])
      : null
    const birthday = random.chance(0.35)
      ? `${random.int(1965, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
      : null
    const notes = NOTES[persona] && random.chance(0.3) ? random.pick(NOTES[persona]) : ''
    const consents: DemoCustomer['consents'] = []
    if (lineId) consents.push({ channel: 'line', granted: random.chance(0.85) })
    if (email) consents.push({ channel: 'email', granted: random.chance(0.6) })
    if (phone && random.chance(0.4)) consents.push({ channel: 'sms', granted: random.chance(0.5) })
    return {
      customer: {
        code: '',
        name: `${givenTh} ${familyTh}`,
        phone,
        email,
        lineId,
        birthday,
        acquisitionSource: random.weighted(ACQUISITION_SOURCES, (s) => s.weight).source,
        referredBy: null as number | null,
        notes,
        persona,
        consents,
      },
      ...rhythm(random, persona, days),
      homeStore: random.chance(0.65) ? 0 : 1,
      favourite: chooseFavourite(random),
    }
  })

  // Number customers in the order they first came, as a POS would.
  const plans: CustomerPlan[] = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => a.draft.firstDay - b.draft.firstDay || a.order - b.order)
    .map(({ draft }) => draft)
  plans.forEach((plan, index) => {
    plan.customer.code = `C${String(index + 1).padStart(5, '0')}`
  })

  // Referrals come from customers who were already there, mostly the loyal ones.
  const referrerWeight: Record<Persona, number> = {
    regular: 4,
    big_spender: 4,
    occasional: 1,
    lapsed: 1,
    new: 0,
    one_timer: 0,
  }
  plans.forEach((plan, index) => {
    if (plan.customer.acquisitionSource !== 'referral') return
    const earlier = plans
      .slice(0, index)
      .map((p, i) => ({ i, w: p.firstDay < plan.firstDay ? referrerWeight[p.customer.persona] : 0 }))
      .filter((c) => c.w > 0)
    if (earlier.length === 0) plan.customer.acquisitionSource = 'walk_in'
    else plan.customer.referredBy = random.weighted(earlier, (c) => c.w).i
  })
  return plans
}
