// Lukkha's own fields: what a column of any export can be mapped to. One name per concept: the same words
// are the keys of a saved mapping, of the native CSV's header and of the wizard's i18n labels
// (import.field.<name>).

import type { FieldName, ImportKind, SaleField } from '../../shared/api/import'
import { customerFields, saleFields } from '../../shared/api/import-words'

export const allFields: readonly FieldName[] = [...new Set<FieldName>([...saleFields, ...customerFields])]

export function fieldsOf(kind: ImportKind): readonly FieldName[] {
  return kind === 'sales' ? saleFields : customerFields
}

/**
 * What a mapping must provide. Sales: a receipt number, a date, a quantity and some amount. Customers: something
 * that identifies one. Each inner list is "at least one of".
 */
export function requiredFields(kind: ImportKind): FieldName[][] {
  return kind === 'sales'
    ? [['receipt_number'], ['date'], ['quantity'], ['unit_price', 'net_amount', 'gross_amount']]
    : [['customer_code', 'customer_name', 'first_name', 'phone', 'email', 'contact']]
}

/** The native "Lukkha sales CSV" header, exactly; the template the app offers and what `export sales` writes. */
export const lukkhaSalesHeader = [
  'receipt_number',
  'date',
  'customer_code',
  'customer_name',
  'phone',
  'email',
  'sku',
  'product_name',
  'category',
  'quantity',
  'unit_price',
  'net_amount',
  'store',
  'staff',
] as const satisfies readonly SaleField[]
