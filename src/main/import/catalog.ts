import type { Sqlite } from '../db'
import { nameKey } from './normalize/contacts'

// Products (by SKU, or by name when the export has no SKU) and stores (by name), looked up in maps loaded once
// and created on first sight with the import's id, so undo can remove exactly them.

export class Catalog {
  private readonly bySku = new Map<string, number>()
  private readonly byName = new Map<string, number>()
  private readonly stores = new Map<string, number>()
  productsCreated = 0
  storesCreated = 0
  private readonly insertProduct
  private readonly insertStore

  constructor(
    sqlite: Sqlite,
    private readonly importId: number,
    private readonly now: string,
  ) {
    for (const [id, sku, name] of sqlite
      .prepare('select id, sku, name from products')
      .raw()
      .iterate() as Iterable<[number, string | null, string]>) {
      if (sku !== null) this.bySku.set(sku, id)
      else if (!this.byName.has(nameKey(name))) this.byName.set(nameKey(name), id)
    }
    for (const [id, name] of sqlite.prepare('select id, name from stores').raw().iterate() as Iterable<
      [number, string]
    >) {
      this.stores.set(name, id)
    }
    this.insertProduct = sqlite.prepare(
      'insert into products (sku, name, category, import_id, created_at) values (?, ?, ?, ?, ?)',
    )
    this.insertStore = sqlite.prepare('insert into stores (name, import_id, created_at) values (?, ?, ?)')
  }

  /** The product's id if it exists (without creating it). */
  findProduct(sku: string | null, name: string | null): number | null | undefined {
    if (sku !== null) return this.bySku.get(sku)
    if (name !== null) return this.byName.get(nameKey(name))
    return null
  }

  productId(sku: string | null, name: string | null, category: string): number | null {
    const found = this.findProduct(sku, name)
    if (found !== undefined) return found
    const id = Number(
      this.insertProduct.run(sku, name ?? sku ?? '', category, this.importId, this.now).lastInsertRowid,
    )
    this.productsCreated++
    if (sku !== null) this.bySku.set(sku, id)
    else if (name !== null) this.byName.set(nameKey(name), id)
    return id
  }

  storeId(name: string | null): number | null {
    if (name === null) return null
    const found = this.stores.get(name)
    if (found !== undefined) return found
    const id = Number(this.insertStore.run(name, this.importId, this.now).lastInsertRowid)
    this.storesCreated++
    this.stores.set(name, id)
    return id
  }
}
