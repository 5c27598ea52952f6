// Where an import's time goes: wall milliseconds per part, summed with performance.now() around each step (a
// few calls per batch of rows, never per row), reported in the summary for the benchmark (bench/suites/import.ts
// prints them beside sqlite3 and DuckDB). Not shown to users.
//
// A big file is read on two threads at once, so the parts of the two threads overlap in time and only each
// thread's own parts add up to the wall time of its reading phase:
// - parser thread: read (file bytes and decoding to text), parse (CSV splitting: papaparse), map (cells ->
//   sale lines or customers, with the checks), pack (sale lines into transferable columns), waitWriter
//   (blocked because the importing thread is MAX_IN_FLIGHT batches behind);
// - importing thread: check (the plan: encoding, hash, layout, date order), unpack, match (receipts, customers,
//   products and stores: in memory, plus the rows created for new customers and products), write (the
//   multi-row INSERTs of receipts and lines), waitParser (idle: no batch ready), then flush (the last queued
//   rows and totals), fill (the customers' search rows and totals rows the deferred triggers would have
//   written: deferred-triggers.ts), index (the deferred indexes rebuilt), days (the dashboard's stored days brought up to
//   date, when the import does that), totals (the customers' totals: customers/totals-update.ts) and commit.
// Without a parser thread (small files, tests) read, parse and map run in the importing thread.
// With one, cpuParser and cpuImport are the CPU time (not wall) each thread spent in the reading phase, where
// the runtime can tell (process.threadCpuUsage): on a loaded machine the wall parts stretch, these do not.

export const IMPORT_PARTS = [
  'check',
  'read',
  'parse',
  'map',
  'pack',
  'waitWriter',
  'unpack',
  'match',
  'write',
  'waitParser',
  'flush',
  'fill',
  'index',
  'days',
  'totals',
  'commit',
  'cpuParser',
  'cpuImport',
] as const

export type ImportPart = (typeof IMPORT_PARTS)[number]
export type ImportParts = Partial<Record<ImportPart, number>>

export class PartClock {
  readonly ms: ImportParts = {}

  add(part: ImportPart, ms: number): void {
    this.ms[part] = (this.ms[part] ?? 0) + ms
  }

  get(part: ImportPart): number {
    return this.ms[part] ?? 0
  }

  /** Runs f and adds its wall time to the part. */
  time<T>(part: ImportPart, f: () => T): T {
    const start = performance.now()
    try {
      return f()
    } finally {
      this.add(part, performance.now() - start)
    }
  }

  /** Awaits f and adds its wall time to the part. */
  async timeAsync<T>(part: ImportPart, f: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await f()
    } finally {
      this.add(part, performance.now() - start)
    }
  }

  /** Adds another thread's parts (the parser thread's, when it ends). */
  merge(parts: ImportParts): void {
    for (const part of IMPORT_PARTS) {
      const ms = parts[part]
      if (ms !== undefined) this.add(part, ms)
    }
  }

  /** The parts, rounded to 0.1 ms. */
  rounded(): ImportParts {
    const out: ImportParts = {}
    for (const part of IMPORT_PARTS) {
      const ms = this.ms[part]
      if (ms !== undefined) out[part] = Math.round(ms * 10) / 10
    }
    return out
  }
}

/** This thread's CPU time in ms (user + system), or NaN where the runtime cannot tell. */
export function threadCpuMs(): number {
  if (typeof process.threadCpuUsage !== 'function') return NaN
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}
