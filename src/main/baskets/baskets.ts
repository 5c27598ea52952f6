// Baskets as the miner takes them: every basket's item ids one after another in one typed array (CSR), so
// a million receipts cost two arrays, not a million JS arrays. An item may appear twice in a basket (two
// lines of the same product); the miner counts it once.

export interface Baskets {
  /** Item ids of all baskets, basket after basket. */
  items: Uint32Array
  /** Basket b holds items[offsets[b] .. offsets[b + 1]); length = number of baskets + 1. */
  offsets: Uint32Array
  /** The name of each item id (SKU, product name or category). */
  names: string[]
}

export interface BasketStats {
  baskets: number
  /** Items that occur in at least one basket. */
  items: number
  /** Mean number of distinct items per basket. */
  meanSize: number
  largest: number
}

/** Builds Baskets from string lists (tests, the Groceries file); item ids in order of first sight. */
export function basketsFromLists(lists: readonly (readonly string[])[]): Baskets {
  const ids = new Map<string, number>()
  const names: string[] = []
  let total = 0
  for (const list of lists) total += list.length
  const items = new Uint32Array(total)
  const offsets = new Uint32Array(lists.length + 1)
  let at = 0
  lists.forEach((list, b) => {
    for (const name of list) {
      let id = ids.get(name)
      if (id === undefined) {
        id = names.length
        ids.set(name, id)
        names.push(name)
      }
      items[at++] = id
    }
    offsets[b + 1] = at
  })
  return { items, offsets, names }
}

/** Grows a CSR basket list one basket at a time (the database loader). */
export class BasketBuilder {
  private items = new Uint32Array(1024)
  private offsets = new Uint32Array(256)
  private length = 0
  private count = 0

  add(item: number): void {
    if (this.length === this.items.length) this.items = grow(this.items)
    this.items[this.length++] = item
  }

  /** Closes the current basket; an empty one is dropped. */
  close(): void {
    if (this.length === (this.offsets[this.count] ?? 0)) return
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets)
    this.offsets[++this.count] = this.length
  }

  finish(names: string[]): Baskets {
    this.close()
    return {
      items: this.items.slice(0, this.length),
      offsets: this.offsets.slice(0, this.count + 1),
      names,
    }
  }
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(a.length * 2)
  next.set(a)
  return next
}

export function basketStats(baskets: Baskets): BasketStats {
  const n = baskets.offsets.length - 1
  const seen = new Int32Array(baskets.names.length).fill(-1)
  let distinctTotal = 0
  let largest = 0
  let items = 0
  const used = new Uint8Array(baskets.names.length)
  for (let b = 0; b < n; b++) {
    let size = 0
    for (let i = baskets.offsets[b] ?? 0, end = baskets.offsets[b + 1] ?? 0; i < end; i++) {
      const item = baskets.items[i] ?? 0
      if (seen[item] === b) continue
      seen[item] = b
      size++
      if (used[item] === 0) {
        used[item] = 1
        items++
      }
    }
    distinctTotal += size
    if (size > largest) largest = size
  }
  return { baskets: n, items, meanSize: n === 0 ? 0 : distinctTotal / n, largest }
}
