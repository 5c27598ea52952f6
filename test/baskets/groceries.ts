import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { datasetsDir } from '../helpers/datasets'

/** groceries.csv as baskets: one line a basket, items comma-separated (labels kept as they are). */
export function readGroceries(): string[][] {
  return readFileSync(resolve(datasetsDir, 'groceries.csv'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '')
    .map((line) => line.split(','))
}

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

/**
 * Writes the Groceries baskets as a shop's sales export in `dir`: one receipt per basket, one line per item
 * (the item's label as its code and its name), in a layout of its own (so it needs a mapping), plus the
 * mapping file. Returns both paths.
 */
export function writeGroceriesSales(dir: string): { csv: string; mapping: string } {
  const lines = ['bill_no,sold_at,item_code,item,qty,price']
  readGroceries().forEach((basket, b) => {
    const day = String((b % 28) + 1).padStart(2, '0')
    for (const item of basket) {
      lines.push(`G${b + 1},2024-03-${day} 10:00,${csvCell(item)},${csvCell(item)},1,10.00`)
    }
  })
  const csv = join(dir, 'groceries-sales.csv')
  writeFileSync(csv, `${lines.join('\n')}\n`)
  const mapping = join(dir, 'groceries-mapping.json')
  writeFileSync(
    mapping,
    JSON.stringify({
      kind: 'sales',
      source: 'groceries',
      columns: {
        receipt_number: 'bill_no',
        date: 'sold_at',
        sku: 'item_code',
        product_name: 'item',
        quantity: 'qty',
        unit_price: 'price',
      },
    }),
  )
  return { csv, mapping }
}
