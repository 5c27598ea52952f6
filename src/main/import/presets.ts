import type { FieldName, ImportKind, PresetName } from '../../shared/api/import'
import { fieldsOf, lukkhaSalesHeader } from './fields'
import { normalizeHeader } from './headers'

// The export layouts Lukkha recognises from their header row (../shared/POS_FORMATS.md). Each preset maps
// Lukkha's fields to the vendor's column names; where a field lists several names, every one present is used,
// in order, the first non-empty value winning (Shopify's 'Phone' then 'Billing Phone'). Thai names are the
// localised headers we know of; those not confirmed against a real export are marked.

export interface Preset {
  name: PresetName
  kind: ImportKind
  /** The receipts' natural-key source and the customer aliases' source. */
  source: string
  columns: Partial<Record<FieldName, string[]>>
  /** Headers that must all be present for the file to be this layout (each: any one of the names). */
  signature: string[][]
  /** Whether customer_code is Lukkha's own customer code or an id of the POS kept as an alias. */
  codeKind: 'code' | 'pos_id'
  /** Order-level fields written only on an order's first row (Shopify): later rows of the order inherit them. */
  fillDown?: FieldName[]
  /** A variant name that only means "the default" and is left out of the product name. */
  defaultVariant?: string
  /** Refund events share the sale's transaction id (Square); they get their own receipt with this suffix. */
  refundReceiptSuffix?: string
}

export const presets: Record<PresetName, Preset> = {
  loyverse_receipts: {
    name: 'loyverse_receipts',
    kind: 'sales',
    source: 'loyverse',
    codeKind: 'pos_id',
    // Thai names: Loyverse's Thai back office (not confirmed against a real export)
    columns: {
      date: ['Date', 'วันที่'],
      receipt_number: ['Receipt number', 'หมายเลขใบเสร็จ', 'เลขที่ใบเสร็จ'],
      receipt_type: ['Receipt type', 'ประเภทใบเสร็จ'],
      category: ['Category', 'หมวดหมู่'],
      sku: ['SKU'],
      product_name: ['Item', 'สินค้า'],
      variant: ['Variant', 'ตัวเลือกสินค้า'],
      quantity: ['Quantity', 'จำนวน'],
      gross_amount: ['Gross sales', 'ยอดขายรวม'],
      discount: ['Discounts', 'ส่วนลด'],
      net_amount: ['Net sales', 'ยอดขายสุทธิ'],
      store: ['Store', 'ร้านค้า'],
      staff: ['Cashier name', 'ชื่อแคชเชียร์', 'พนักงาน'],
      customer_name: ['Customer name', 'ชื่อลูกค้า'],
      contact: ['Customer contacts', 'ข้อมูลติดต่อลูกค้า'],
      status: ['Status', 'สถานะ'],
    },
    signature: [
      ['Receipt number', 'หมายเลขใบเสร็จ', 'เลขที่ใบเสร็จ'],
      ['Item', 'สินค้า'],
      ['Net sales', 'ยอดขายสุทธิ'],
      ['Gross sales', 'ยอดขายรวม'],
    ],
  },
  loyverse_customers: {
    name: 'loyverse_customers',
    kind: 'customers',
    source: 'loyverse',
    codeKind: 'pos_id',
    // the exact header is not confirmed (POS_FORMATS.md): the back office's field names
    columns: {
      customer_name: ['Customer name', 'Name', 'ชื่อลูกค้า'],
      email: ['Email', 'อีเมล'],
      phone: ['Phone', 'Phone number', 'โทรศัพท์'],
      customer_code: ['Customer code', 'รหัสลูกค้า'],
      first_visit: ['First visit', 'การเข้าชมครั้งแรก'],
      last_visit: ['Last visit', 'การเข้าชมครั้งล่าสุด'],
    },
    signature: [
      ['Customer code', 'รหัสลูกค้า'],
      ['First visit', 'การเข้าชมครั้งแรก'],
      ['Total visits', 'จำนวนการเข้าชมทั้งหมด'],
    ],
  },
  square_items: {
    name: 'square_items',
    kind: 'sales',
    source: 'square',
    codeKind: 'pos_id',
    defaultVariant: 'Regular',
    refundReceiptSuffix: '/refund',
    columns: {
      date: ['Date'],
      time: ['Time'],
      category: ['Category'],
      product_name: ['Item'],
      quantity: ['Qty'],
      variant: ['Price Point Name'],
      sku: ['SKU'],
      gross_amount: ['Gross Sales'],
      discount: ['Discounts'],
      net_amount: ['Net Sales'],
      receipt_number: ['Transaction ID'],
      receipt_type: ['Event Type'],
      store: ['Location'],
      customer_code: ['Customer ID'],
      customer_name: ['Customer Name'],
      staff: ['Employee'],
    },
    signature: [['Transaction ID'], ['Qty'], ['Net Sales'], ['Item']],
  },
  square_customers: {
    name: 'square_customers',
    kind: 'customers',
    source: 'square',
    codeKind: 'pos_id',
    columns: {
      customer_code: ['Square Customer ID'],
      first_name: ['First Name'],
      last_name: ['Last Name'],
      email: ['Email Address'],
      phone: ['Phone Number'],
      birthday: ['Birthday'],
      first_visit: ['First Visit'],
      last_visit: ['Last Visit'],
    },
    signature: [['Square Customer ID'], ['First Name'], ['Email Address']],
  },
  shopify_orders: {
    name: 'shopify_orders',
    kind: 'sales',
    source: 'shopify',
    codeKind: 'pos_id',
    fillDown: ['date', 'email', 'customer_name', 'phone', 'cancelled_at', 'status', 'store', 'staff'],
    columns: {
      receipt_number: ['Name'],
      email: ['Email'],
      status: ['Financial Status'],
      date: ['Created at'],
      quantity: ['Lineitem quantity'],
      product_name: ['Lineitem name'],
      unit_price: ['Lineitem price'],
      sku: ['Lineitem sku'],
      discount: ['Lineitem discount'],
      customer_name: ['Billing Name', 'Shipping Name'],
      phone: ['Phone', 'Billing Phone', 'Shipping Phone'],
      cancelled_at: ['Cancelled at'],
      refunded_amount: ['Refunded Amount'],
      store: ['Location'],
      staff: ['Employee'],
    },
    signature: [['Name'], ['Lineitem quantity'], ['Lineitem name'], ['Created at']],
  },
  shopify_customers: {
    name: 'shopify_customers',
    kind: 'customers',
    source: 'shopify',
    codeKind: 'pos_id',
    columns: {
      customer_code: ['Customer ID'],
      first_name: ['First Name'],
      last_name: ['Last Name'],
      email: ['Email'],
      phone: ['Phone', 'Default Address Phone'],
    },
    signature: [['Customer ID'], ['First Name'], ['Email'], ['Total Orders']],
  },
  lukkha_sales: {
    name: 'lukkha_sales',
    kind: 'sales',
    source: 'lukkha',
    codeKind: 'code',
    columns: Object.fromEntries(lukkhaSalesHeader.map((f) => [f, [f]])),
    signature: [['receipt_number'], ['date'], ['quantity']],
  },
}

/** Names a user might give a column, for proposing a mapping in the wizard (besides every preset's names). */
const synonyms: Partial<Record<FieldName, string[]>> = {
  receipt_number: [
    'receipt',
    'receipt no',
    'receipt no.',
    'receipt #',
    'bill',
    'bill no',
    'invoice',
    'invoice no',
    'order',
    'order id',
    'order number',
    'เลขที่ใบเสร็จ',
    'เลขที่บิล',
    'เลขที่',
    'บิล',
    'ใบเสร็จ',
  ],
  date: ['date', 'datetime', 'date time', 'sold at', 'order date', 'sale date', 'วันที่', 'วันเวลา', 'วันที่ขาย'],
  time: ['time', 'เวลา'],
  quantity: ['qty', 'quantity', 'จำนวน', 'จำนวนชิ้น'],
  unit_price: ['price', 'unit price', 'ราคา', 'ราคาต่อหน่วย'],
  net_amount: ['total', 'amount', 'net', 'net amount', 'line total', 'ยอดรวม', 'ยอดสุทธิ', 'จำนวนเงิน', 'รวม'],
  gross_amount: ['gross', 'gross amount', 'ยอดก่อนส่วนลด'],
  discount: ['discount', 'discounts', 'ส่วนลด'],
  product_name: ['item', 'item name', 'product', 'product name', 'สินค้า', 'ชื่อสินค้า', 'รายการ'],
  sku: ['sku', 'barcode', 'product code', 'item code', 'รหัสสินค้า', 'บาร์โค้ด'],
  category: ['category', 'หมวด', 'หมวดหมู่', 'ประเภทสินค้า'],
  customer_code: ['customer code', 'customer id', 'member id', 'member', 'รหัสลูกค้า', 'รหัสสมาชิก'],
  customer_name: ['customer', 'customer name', 'name', 'ลูกค้า', 'ชื่อลูกค้า', 'ชื่อ'],
  phone: ['phone', 'tel', 'telephone', 'mobile', 'phone number', 'โทรศัพท์', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'เบอร์'],
  email: ['email', 'e-mail', 'อีเมล', 'อีเมล์'],
  store: ['store', 'branch', 'location', 'shop', 'สาขา', 'ร้าน'],
  staff: ['staff', 'cashier', 'employee', 'seller', 'พนักงาน', 'แคชเชียร์', 'พนักงานขาย'],
  receipt_type: ['type', 'receipt type', 'ประเภท'],
  status: ['status', 'สถานะ'],
  birthday: ['birthday', 'date of birth', 'วันเกิด'],
  first_visit: ['first visit', 'member since', 'วันที่สมัคร'],
  last_visit: ['last visit', 'ครั้งล่าสุด'],
}

function namesFor(field: FieldName): string[] {
  const names = new Set<string>()
  for (const p of Object.values(presets))
    for (const n of p.columns[field] ?? []) names.add(normalizeHeader(n))
  for (const n of synonyms[field] ?? []) names.add(normalizeHeader(n))
  names.add(field)
  return [...names]
}

/** Which preset a header row is: every signature column present, most known columns wins; null = generic. */
export function detectPreset(header: readonly string[]): Preset | null {
  const present = new Set(header.map(normalizeHeader))
  let best: Preset | null = null
  let bestScore = 0
  for (const preset of Object.values(presets)) {
    const fits = preset.signature.every((names) => names.some((n) => present.has(normalizeHeader(n))))
    if (!fits) continue
    let score = 0
    for (const names of Object.values(preset.columns))
      if (names.some((n) => present.has(normalizeHeader(n)))) score++
    if (score > bestScore) [best, bestScore] = [preset, score]
  }
  return best
}

/**
 * A first proposal for the wizard: each field gets the first unused column whose name is one of the field's
 * known names. The user corrects it; the result is saved for files with the same header.
 */
export function guessColumns(
  header: readonly string[],
  kind: ImportKind,
): Partial<Record<FieldName, string>> {
  const normalized = header.map(normalizeHeader)
  const used = new Set<number>()
  const result: Partial<Record<FieldName, string>> = {}
  const allowed = new Set<FieldName>(fieldsOf(kind))
  for (const field of (Object.keys(synonyms) as FieldName[]).filter((f) => allowed.has(f))) {
    for (const name of namesFor(field)) {
      const i = normalized.findIndex((h, idx) => h === name && !used.has(idx))
      if (i >= 0) {
        used.add(i)
        result[field] = header[i] ?? ''
        break
      }
    }
  }
  return result
}
