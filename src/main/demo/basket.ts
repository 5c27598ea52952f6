import { PRODUCTS, type DemoProduct, type ProductKind } from './catalog'
import type { Random } from './random'
import type { DemoLine, Persona } from './types'

// What one visit buys. Drinks go with pastries in the morning and with cake in the afternoon, so the
// market-basket analysis finds real pairings; big spenders order whole cakes and gift boxes.

export interface BasketContext {
  persona: Persona
  /** Index of the customer's usual drink, or null for a walk-in without a customer record. */
  favourite: number | null
  month: number
  dayOfMonth: number
  hour: number
}

type Pick = { product: number; quantity: number }

const indexed = PRODUCTS.map((product, index) => ({ product, index }))

function onSale(product: DemoProduct, month: number): boolean {
  return product.months === undefined || product.months.includes(month)
}

function pickKind(random: Random, kind: ProductKind, month: number): number {
  const choices = indexed.filter((p) => p.product.kind === kind && onSale(p.product, month))
  return random.weighted(choices, (p) => p.product.popularity).index
}

function add(picks: Pick[], product: number, quantity: number): void {
  const same = picks.find((p) => p.product === product)
  if (same) same.quantity += quantity
  else picks.push({ product, quantity })
}

function everydayBasket(random: Random, ctx: BasketContext): Pick[] {
  const picks: Pick[] = []
  const morning = ctx.hour < 11
  const loyal = ctx.persona === 'regular'
  if (random.chance(loyal ? 0.95 : 0.85)) {
    const drink =
      ctx.favourite !== null && random.chance(loyal ? 0.7 : 0.3)
        ? ctx.favourite
        : pickKind(random, 'drink', ctx.month)
    add(picks, drink, random.chance(0.12) ? 2 : 1)
  }
  if (random.chance(morning ? 0.55 : 0.35)) add(picks, pickKind(random, 'bakery', ctx.month), 1)
  if (random.chance(morning ? 0.08 : 0.3)) add(picks, pickKind(random, 'cake', ctx.month), 1)
  if (random.chance(morning ? 0.2 : 0.08)) add(picks, pickKind(random, 'food', ctx.month), 1)
  const festive = ctx.month === 12 || ctx.month === 1 || ctx.month === 9
  if (random.chance(festive ? 0.08 : 0.02)) add(picks, pickKind(random, 'gift', ctx.month), 1)
  const valentine = ctx.month === 2 && ctx.dayOfMonth >= 12 && ctx.dayOfMonth <= 14
  if (random.chance(valentine ? 0.15 : 0.01)) add(picks, pickKind(random, 'whole_cake', ctx.month), 1)
  if (picks.length === 0) add(picks, pickKind(random, 'bakery', ctx.month), 1)
  return picks
}

function bigBasket(random: Random, ctx: BasketContext): Pick[] {
  const picks: Pick[] = []
  if (random.chance(0.7)) add(picks, ctx.favourite ?? pickKind(random, 'drink', ctx.month), random.int(1, 4))
  if (random.chance(0.5)) add(picks, pickKind(random, 'whole_cake', ctx.month), 1)
  const festive = ctx.month === 12 || ctx.month === 1 || ctx.month === 9
  if (random.chance(festive ? 0.7 : 0.3)) add(picks, pickKind(random, 'gift', ctx.month), random.int(1, 5))
  const pastries = random.int(1, 4)
  for (let i = 0; i < pastries; i++) add(picks, pickKind(random, 'bakery', ctx.month), random.int(2, 6))
  if (random.chance(0.4)) add(picks, pickKind(random, 'cake', ctx.month), random.int(2, 4))
  return picks
}

/** The lines of one sale. A member discount of 10% applies to every line when `discounted`. */
export function buildBasket(random: Random, ctx: BasketContext, discounted: boolean): DemoLine[] {
  const picks = ctx.persona === 'big_spender' ? bigBasket(random, ctx) : everydayBasket(random, ctx)
  return picks.map(({ product, quantity }) => {
    const unitPriceSatang = (PRODUCTS[product]?.priceBaht ?? 0) * 100
    const gross = unitPriceSatang * quantity
    const discountSatang = discounted ? Math.round(gross / 10) : 0
    return { product, quantity, unitPriceSatang, discountSatang, netSatang: gross - discountSatang }
  })
}

export function favouriteDrink(random: Random): number {
  return pickKind(random, 'drink', 1)
}
