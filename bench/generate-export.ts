import { closeSync, openSync, writeSync } from 'node:fs'
import { lukkhaSalesHeader } from '../src/main/import/fields'
import { csvLine } from '../src/main/import/rejected'

// A seeded generator of POS exports of any size, for benchmarks: the same seed gives the same file, byte for
// byte. It writes the layouts of POS_FORMATS.md with their everyday quirks (d/m/yyyy dates, quantities like
// '1.000', refunds, cancelled receipts, walk-in customers, phones with dashes, e-mails), so an import of it
// exercises the same paths a shop's file does. Later benchmarks use it to fill a database.

export type GeneratedLayout = 'loyverse_receipts' | 'lukkha_sales'

export interface GenerateOptions {
  layout: GeneratedLayout
  /** Data rows (receipt lines) to write. */
  lines: number
  seed: number
  out: string
  customers?: number
  products?: number
  stores?: number
  /** First receipt's time; receipts follow every few minutes. */
  start?: Date
}

export interface GeneratedFile {
  lines: number
  receipts: number
  bytes: number
}

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'สมชาย',
  'สมศรี',
  'อนันต์',
  'วนิดา',
  'ประเสริฐ',
  'มาลี',
  'Somchai',
  'Nok',
  'Ploy',
  'Beam',
  'Krit',
  'Dao',
  'Mali',
  'Anan',
]
const LAST = ['ใจดี', 'รักดี', 'มีสุข', 'แสนดี', 'ศรีสุข', 'Rakdee', 'Srisuk', 'Meesuk', 'Chaiyo', 'Boonmee']
const ITEMS = [
  'Latte',
  'Americano',
  'Espresso',
  'Mocha',
  'Thai Tea',
  'Green Tea',
  'Croissant',
  'Brownie',
  'ข้าวผัด',
  'ชาเย็น',
  'กาแฟเย็น',
  'Cake, chocolate',
]
const CATEGORIES = ['Coffee', 'Tea', 'Bakery', 'อาหาร', 'เครื่องดื่ม']
const STORES = ['Siam Square', 'Chiang Mai', 'Ari', 'Phuket', 'Khon Kaen']
const STAFF = ['Nok', 'Ploy', 'Beam', 'Tan', 'Fon']

const pad = (n: number): string => String(n).padStart(2, '0')

export function generateExport(options: GenerateOptions): GeneratedFile {
  const random = seededRandom(options.seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const customerCount = options.customers ?? Math.max(50, Math.round(options.lines / 40))
  const productCount = options.products ?? 300
  const storeCount = Math.min(options.stores ?? 3, STORES.length)
  const customers = Array.from({ length: customerCount }, (_, i) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`
    const digits = String(10_000_000 + ((i * 7_919_113) % 89_999_999))
    const phone = `0${pick(['6', '8', '9'])}${digits[0]}-${digits.slice(1, 4)}-${digits.slice(4, 8)}`
    return {
      code: `C${String(i + 1).padStart(6, '0')}`,
      name,
      phone,
      email: `customer${i + 1}@example.com`,
      byEmail: random() < 0.2,
    }
  })
  const products = Array.from({ length: productCount }, (_, i) => ({
    sku: String(10_000 + i),
    name: `${pick(ITEMS)} ${i + 1}`,
    category: pick(CATEGORIES),
    price: 2000 + Math.floor(random() * 30) * 500, // 20.00 to 165.00 baht, in satang
  }))
  const fd = openSync(options.out, 'w')
  let buffer =
    options.layout === 'loyverse_receipts'
      ? 'Date,Receipt number,Receipt type,Category,SKU,Item,Variant,Modifiers applied,Quantity,Gross sales,Discounts,Net sales,Cost of goods,Gross profit,Taxes,Dining option,POS,Store,Cashier name,Customer name,Customer contacts,Comment,Status\r\n'
      : csvLine(lukkhaSalesHeader)
  let bytes = 0
  const flush = (): void => {
    bytes += writeSync(fd, buffer)
    buffer = ''
  }
  let time = (options.start ?? new Date(2025, 0, 1, 8, 0)).getTime()
  let written = 0
  let receipts = 0
  const money = (satang: number): string => {
    const sign = satang < 0 ? '-' : ''
    const abs = Math.abs(satang)
    return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`
  }
  try {
    while (written < options.lines) {
      receipts++
      time += (1 + Math.floor(random() * 9)) * 60_000
      const d = new Date(time)
      const store = STORES[Math.floor(random() * storeCount)] ?? 'Main'
      const staff = pick(STAFF)
      const refund = random() < 0.03
      const cancelled = !refund && random() < 0.01
      // a few regulars buy often: square the uniform draw towards the start of the list
      const customer =
        random() < 0.6 ? customers[Math.floor(random() * random() * customers.length)] : undefined
      const lineCount = Math.min(options.lines - written, 1 + Math.floor(random() * random() * 5))
      for (let l = 0; l < lineCount; l++) {
        const product = products[Math.floor(random() * products.length)] ?? products[0]
        if (!product) break
        const qty = (refund ? -1 : 1) * (1 + Math.floor(random() * random() * 3))
        const gross = qty * product.price
        const discount = !refund && random() < 0.1 ? Math.round(gross * 0.1) : 0
        const net = gross - discount
        if (options.layout === 'loyverse_receipts') {
          const date = `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
          const contact = customer ? (customer.byEmail ? customer.email : customer.phone) : ''
          buffer += csvLine([
            date,
            `${(receipts % 3) + 1}-${receipts}`,
            refund ? 'Refund' : 'Sale',
            product.category,
            product.sku,
            product.name,
            '',
            '',
            `${qty}.000`,
            money(gross),
            money(discount),
            money(net),
            '0.00',
            '0.00',
            '0.00',
            'Dine in',
            'POS 1',
            store,
            staff,
            customer?.name ?? '',
            contact,
            '',
            cancelled ? 'Cancelled' : 'Closed',
          ])
        } else {
          const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
          buffer += csvLine([
            `R${receipts}`,
            date,
            customer?.code ?? '',
            customer?.name ?? '',
            customer?.phone ?? '',
            '',
            product.sku,
            product.name,
            product.category,
            String(qty),
            money(product.price),
            money(net),
            store,
            staff,
          ])
        }
        written++
        if (buffer.length > 1 << 20) flush()
      }
    }
    flush()
  } finally {
    closeSync(fd)
  }
  return { lines: written, receipts, bytes }
}
