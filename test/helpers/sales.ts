import { join } from 'node:path'
import { migrateToLatest, openDatabase, type Sqlite } from '../../src/main/db'
import { tempDir } from './db'

/** One receipt as a test writes it: who (customer code or null for walk-in), when, net total in baht. */
export interface TestSale {
  customer: string | null
  /** 'YYYY-MM-DD' (noon is added) or 'YYYY-MM-DDTHH:MM:SS'. */
  at: string
  baht: number
  kind?: 'sale' | 'refund'
}

/**
 * Writes customers, receipts and one line per receipt straight into the tables, as the importer would leave
 * them (receipts.net_satang is the receipt's net total). Customers are created on first use with code =
 * the given code. Returns code -> customer id.
 */
export function insertSales(sqlite: Sqlite, sales: TestSale[]): Map<string, number> {
  const ids = new Map<string, number>(
    (
      sqlite.prepare('select code, id from customers where code is not null').all() as {
        code: string
        id: number
      }[]
    ).map((r) => [r.code, r.id]),
  )
  const addCustomer = sqlite.prepare('insert into customers (code, name) values (?, ?)')
  const addReceipt = sqlite.prepare(
    `insert into receipts (source, receipt_number, customer_id, occurred_at, kind, gross_satang, net_satang)
     values ('test', ?, ?, ?, ?, ?, ?)`,
  )
  const addLine = sqlite.prepare(
    'insert into receipt_lines (receipt_id, line_no, quantity, unit_price_satang, net_satang) values (?, 1, 1, ?, ?)',
  )
  const start = (sqlite.prepare('select count(*) as n from receipts').get() as { n: number }).n
  sqlite.transaction(() => {
    sales.forEach((sale, i) => {
      let customerId: number | null = null
      if (sale.customer !== null) {
        customerId = ids.get(sale.customer) ?? null
        if (customerId === null) {
          customerId = Number(addCustomer.run(sale.customer, `Customer ${sale.customer}`).lastInsertRowid)
          ids.set(sale.customer, customerId)
        }
      }
      const satang = Math.round(sale.baht * 100)
      const at = sale.at.length === 10 ? `${sale.at}T12:00:00` : sale.at
      const receiptId = Number(
        addReceipt.run(`R${start + i + 1}`, customerId, at, sale.kind ?? 'sale', satang, satang)
          .lastInsertRowid,
      )
      addLine.run(receiptId, satang, satang)
    })
  })()
  return ids
}

/** A migrated database file in a temporary folder, with these sales; closed again (for the CLI). */
export async function salesDatabaseFile(sales: TestSale[]): Promise<string> {
  const file = join(tempDir(), 'shop.db')
  const connection = openDatabase(file)
  await migrateToLatest(connection.db)
  insertSales(connection.sqlite, sales)
  await connection.close()
  return file
}
