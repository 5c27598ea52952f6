import type { SatisfactionLevel } from '../db/schema'

// The demo shop as the generator builds it in memory, before it is written. Customers, products and
// stores are referred to by their index in their lists; the writer maps indexes to row ids.

/** The customer types the demo mixes, so every analysis has something to find. */
export type Persona = 'regular' | 'occasional' | 'lapsed' | 'one_timer' | 'big_spender' | 'new'

export interface DemoCustomer {
  code: string
  name: string
  /** E.164, e.g. +66812345678. */
  phone: string | null
  email: string | null
  lineId: string | null
  birthday: string | null
  acquisitionSource: string
  /** Index of the customer who referred this one. */
  referredBy: number | null
  notes: string
  persona: Persona
  /** Shop-local timestamp of the first purchase. */
  firstSeen: string
  lastSeen: string
  consents: { channel: 'line' | 'email' | 'sms'; granted: boolean }[]
}

export interface DemoLine {
  product: number
  /** Negative on a refund. */
  quantity: number
  unitPriceSatang: number
  discountSatang: number
  netSatang: number
}

export interface DemoReceipt {
  /** Generation order; breaks ties between receipts at the same second. */
  seq: number
  store: number
  customer: number | null
  occurredAt: string
  kind: 'sale' | 'refund'
  staff: string
  lines: DemoLine[]
  grossSatang: number
  discountSatang: number
  netSatang: number
  receiptNumber: string
}

export interface DemoResponse {
  customer: number
  /** seq of the receipt the answers are about. */
  receiptSeq: number
  store: number
  staff: string
  respondedAt: string
  /** One level per survey aspect, in the aspects' order. */
  levels: SatisfactionLevel[]
  comment: string
}

export interface DemoShop {
  seed: number
  startDate: string
  endDate: string
  customers: DemoCustomer[]
  receipts: DemoReceipt[]
  responses: DemoResponse[]
}
