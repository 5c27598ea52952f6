import { favouriteDrink } from './basket'
import { STORES } from './catalog'
import { planCustomers } from './customers'
import { demoDays } from './days'
import { createRandom } from './random'
import type { DemoCustomer, DemoReceipt, DemoResponse, DemoShop } from './types'
import { simulateCustomer, simulateWalkIns, type SimulationState } from './visits'

export interface GenerateOptions {
  seed: number
  /** The last day with sales ('YYYY-MM-DD'); the demo covers the 18 months up to it. */
  endDate: string
  customers?: number
  /** Reports how far the generation is; `phase` is an i18n key. */
  onProgress?: (done: number, total: number, phase: string) => void
}

export const DEFAULT_DEMO_CUSTOMERS = 1500

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Builds the demo shop in memory. Deterministic: the same seed and end date give the same shop. It yields to
 * the event loop between batches of customers so progress events reach the window while it works.
 */
export async function generateDemoShop(options: GenerateOptions): Promise<DemoShop> {
  const random = createRandom(options.seed)
  const days = demoDays(options.endDate)
  const count = options.customers ?? DEFAULT_DEMO_CUSTOMERS
  const plans = planCustomers(random, count, days.length, favouriteDrink)
  const state: SimulationState = { random, days, nextSeq: 0 }
  const total = count + 1
  const receipts: DemoReceipt[] = []
  const responses: DemoResponse[] = []
  const customers: DemoCustomer[] = []
  const BATCH = 100
  for (let start = 0; start < count; start += BATCH) {
    plans.slice(start, start + BATCH).forEach((plan, offset) => {
      const history = simulateCustomer(state, start + offset, plan)
      receipts.push(...history.receipts)
      responses.push(...history.responses)
      const sales = history.receipts.filter((r) => r.kind === 'sale')
      const fallback = `${days[plan.firstDay]?.date ?? options.endDate}T12:00:00`
      customers.push({
        ...plan.customer,
        firstSeen: sales[0]?.occurredAt ?? fallback,
        lastSeen: sales.at(-1)?.occurredAt ?? fallback,
      })
    })
    options.onProgress?.(Math.min(count, start + BATCH), total, 'demo.phase.customers')
    await yieldToEventLoop()
  }
  receipts.push(...simulateWalkIns(state))
  options.onProgress?.(count, total, 'demo.phase.receipts')
  await yieldToEventLoop()

  receipts.sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.seq - b.seq,
  )
  // Receipt numbers like Loyverse's "POS-sequence": one running sequence per store's till.
  const sequence = STORES.map(() => 10_000)
  for (const receipt of receipts) {
    const next = (sequence[receipt.store] ?? 10_000) + 1
    sequence[receipt.store] = next
    receipt.receiptNumber = `${receipt.store + 1}-${next}`
  }
  responses.sort((a, b) =>
    a.respondedAt < b.respondedAt ? -1 : a.respondedAt > b.respondedAt ? 1 : a.receiptSeq - b.receiptSeq,
  )
  return {
    seed: options.seed,
    startDate: days[0]?.date ?? options.endDate,
    endDate: options.endDate,
    customers,
    receipts,
    responses,
  }
}
