import type { Sqlite } from '../db'

// A big import builds two indexes once at the end instead of row by row. Receipts arrive by time and lines
// by receipt, so most indexes only ever grow at their right end; these two do not: a new receipt lands
// wherever its customer sits in receipts_customer_activity and a new line wherever its product sits in
// receipt_lines_product. Maintained row by row on a million-line file they cost more than all the other
// inserts together (measured: 12.5 s of CPU with them, 4.2 s without; building both afterwards, 1.9 s).
// Re-checked on the 1,000,000-line benchmark (the app's bundled worker, three interleaved runs each): these
// two deferred 11.0-12.4 s; only receipts_customer_activity 13.7-15.1 s; none 15.0-16.4 s; also deferring
// receipts_time and the two import_id indexes (which only grow at their end) 11.9-14.1 s, since the rebuild
// then lengthens the part of the import nothing else can overlap.
// The drop and the rebuild happen inside the import's transaction, so a cancelled or failed import rolls
// them back with everything else and other connections never see the tables without them. Nothing the
// import reads while it writes uses them (receipts are matched in memory, lines by their natural key).

const DEFERRABLE = ['receipts_customer_activity', 'receipt_lines_product'] as const

/**
 * The page cache while the indexes are built. SQLite's sorter keeps as many bytes of keys in memory as the
 * cache holds before it writes a sorted run to a temp file and merges the runs at the end; small runs sort in
 * the CPU's caches, one 16 MB run does not. Measured on the 1M-line bench file's tables (990,112 lines,
 * 324,496 customer receipts; each build alone, 3 runs each): receipt_lines_product 0.57-0.93 s with the
 * import's 16 MB cache, 0.35-0.39 s with 2 MB (4 MB 0.41, 8 MB 0.46-0.77, 1 MB as 2 MB);
 * receipts_customer_activity 0.36-0.44 -> 0.28 s.
 */
const SORT_CACHE_KIB = 2 * 1024

/** Bytes per line of the leanest exports Lukkha reads (the native layout); Loyverse's run about 165. */
const BYTES_PER_LINE = 100
/** Below this many (estimated) new lines the rebuild is not worth it. */
const MIN_LINES = 50_000

export interface DeferredIndexes {
  /** Drops the indexes, once, if the file is big enough (call before the import's first receipt or line). */
  drop(): void
  /** Recreates the indexes that were dropped (call before commit). */
  rebuild(): void
}

/**
 * Defers the randomly-filled indexes when the file is likely to add at least half as many lines as the
 * database holds: rebuilding costs about as much per stored line as keeping them costs per added line / 4.
 * They are dropped only when the import is about to write its first row, so a re-import that adds nothing
 * rebuilds nothing.
 */
export function deferIndexes(sqlite: Sqlite, fileBytes: number): DeferredIndexes {
  const estimated = fileBytes / BYTES_PER_LINE
  let pending = estimated >= MIN_LINES
  const dropped: [string, string][] = []
  return {
    drop() {
      if (!pending) return
      pending = false
      const stored = sqlite.prepare('select coalesce(max(id), 0) from receipt_lines').pluck().get() as number
      if (estimated * 2 < stored) return
      const found = sqlite
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null and name in (${DEFERRABLE.map(() => '?').join(', ')})`,
        )
        .raw()
        .all(...DEFERRABLE) as [string, string][]
      for (const [name, create] of found) {
        sqlite.exec(`drop index "${name}"`)
        dropped.push([name, create])
      }
    },
    rebuild() {
      pending = false
      if (dropped.length === 0) return
      // (the sort's memory follows the page cache's size: see SORT_CACHE_KIB)
      const cache = sqlite.pragma('cache_size', { simple: true }) as number
      sqlite.pragma(`cache_size = -${SORT_CACHE_KIB}`)
      try {
        for (const [, create] of dropped.splice(0)) sqlite.exec(create)
      } finally {
        sqlite.pragma(`cache_size = ${cache}`)
      }
    },
  }
}
