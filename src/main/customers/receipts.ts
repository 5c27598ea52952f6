import type { Kysely } from 'kysely'
import type { CustomerProfile } from '../../shared/api/customers'
import type { Database } from '../db/schema'

export type CustomerReceipt = CustomerProfile['receipts'][number]

/** A customer's latest receipts, newest first, each with its lines (the profile page and the printed profile). */
export async function latestReceipts(
  db: Kysely<Database>,
  customerId: number,
  limit: number,
): Promise<CustomerReceipt[]> {
  const receipts = await db
    .selectFrom('receipts')
    .select(['id', 'receipt_number', 'occurred_at', 'kind', 'net_satang'])
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  const lines =
    receipts.length === 0
      ? []
      : await db
          .selectFrom('receipt_lines as l')
          .leftJoin('products as p', 'p.id', 'l.product_id')
          .select(['l.receipt_id', 'l.line_no', 'p.name', 'p.category', 'l.quantity', 'l.net_satang'])
          .where(
            'l.receipt_id',
            'in',
            receipts.map((r) => r.id),
          )
          .orderBy('l.receipt_id')
          .orderBy('l.line_no')
          .execute()
  const linesOf = new Map<number, CustomerReceipt['lines']>()
  for (const l of lines) {
    const list = linesOf.get(l.receipt_id) ?? []
    list.push({
      lineNo: l.line_no,
      product: l.name,
      category: l.category,
      quantity: l.quantity,
      netSatang: l.net_satang,
    })
    linesOf.set(l.receipt_id, list)
  }
  return receipts.map((r) => ({
    id: r.id,
    receiptNumber: r.receipt_number,
    occurredAt: r.occurred_at,
    kind: r.kind,
    netSatang: r.net_satang,
    lines: linesOf.get(r.id) ?? [],
  }))
}
