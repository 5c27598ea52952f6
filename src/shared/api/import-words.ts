// The import's vocabulary, written once: the contract (import.ts) builds its zod enums from these lists and
// the engine (src/main/import) imports them and the contract's inferred types. Zod-free, like methods.ts, so
// the parser thread and the preload can use the lists without loading zod.

/** Text encodings a CSV file can be read in (WHATWG names, as TextDecoder and iconv-lite know them). */
export const textEncodings = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-874',
  'windows-1252',
  'shift_jis',
] as const

/** The export layouts recognised from their header row (POS_FORMATS.md). */
export const presetNames = [
  'loyverse_receipts',
  'loyverse_customers',
  'square_items',
  'square_customers',
  'shopify_orders',
  'shopify_customers',
  'lukkha_sales',
] as const

/** 'generic' is the wizard: any columns, mapped by the user. */
export const GENERIC_PRESET = 'generic'

/** What a file holds: sales lines or customers. */
export const importKinds = ['sales', 'customers'] as const

/** Day/month order of d/m/y-style dates ('7/8/26'). */
export const dateOrders = ['dmy', 'mdy'] as const

export const decimalSeparators = ['.', ','] as const

/** The file formats an import reads. */
export const importFormats = ['csv', 'xlsx'] as const

/** Where the mapping in use came from. */
export const mappingOrigins = ['preset', 'user', 'saved', 'guess'] as const

/** Lukkha's own fields a sales export's columns can be mapped to. */
export const saleFields = [
  'receipt_number',
  'date',
  'time',
  'receipt_type',
  'status',
  'cancelled_at',
  'customer_code',
  'customer_name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'contact',
  'sku',
  'product_name',
  'variant',
  'category',
  'quantity',
  'unit_price',
  'gross_amount',
  'discount',
  'net_amount',
  'refunded_amount',
  'store',
  'staff',
] as const

/** ... and a customer export's. */
export const customerFields = [
  'customer_code',
  'customer_name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'contact',
  'birthday',
  'first_visit',
  'last_visit',
] as const

/** Why a row was rejected (or warned about); the UI translates these as import.reason.<code>. */
export const rowReasons = [
  'missing_value',
  'missing_amount',
  'bad_date',
  'bad_amount',
  'bad_quantity',
  'malformed_row',
  'bad_phone',
  'bad_email',
  'bad_encoding', // a cell with bytes that are not text in the file's encoding (U+FFFD): not stored as mojibake
  'amount_too_large', // beyond MAX_AMOUNT_SATANG: a typo or a number that is not money
  'too_many_decimals', // 50.001: money has two decimals; never rounded silently
  'net_mismatch', // warning: net differs from quantity x unit price by more than rounding and the named discount
  'receipt_conflict', // warning: the receipt number was seen with another day or customer
  'short_row', // warning: fewer cells than the header (a cut-off last row)
] as const
