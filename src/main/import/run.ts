import { statSync } from 'node:fs'
import type { Sqlite } from '../db'
import { LukkhaError, toCodedError } from '../errors'
import { Catalog } from './catalog'
import { localTimestamp } from '../../shared/calendar'
import { CustomerBook } from '../customers/identity'
import { headerSignature } from './headers'
import { assertComplete } from './mapping'
import { planImport, type FilePlan } from './plan'
import { ReceiptCheck } from './receipt-check'
import { readTable, type ReadResult } from './read'
import { RejectedRowsFile } from './rejected'
import { BatchMapper, type MappedBatch } from './batches'
import { deferIndexes } from './deferred-indexes'
import { deferCustomerTriggers } from './deferred-triggers'
import { addImportedDays, markDays, sqliteRunner, stampDays } from '../dashboard/days-update'
import { ParserThread, type SpawnParser } from './parse-thread'
import { PartClock, threadCpuMs } from './parts'
import { SalesWriter } from './sales-writer'
import { DaysTally } from './days-tally'
import { addImportedTotals } from '../customers/totals-update'
import { MAX_LISTED_ISSUES, type ImportOptions, type ImportSummary, type RowIssue } from './types'

// One import: plan the file, then read it once, streaming, inside one transaction. Rows that cannot be used
// are listed (row, column, value, reason); unless the user chose to keep only the valid rows, a file with any
// such row stores nothing (the transaction is rolled back) and the attempt is recorded as failed. Cancel
// rolls back too. The hot path is raw better-sqlite3 prepared statements; see sales-writer.ts.

export interface ImportProgress {
  done: number
  total: number
  /** i18n key of the phase */
  phase: 'import.phase.checking' | 'import.phase.reading' | 'import.phase.finishing'
}

export interface RunHooks {
  signal?: AbortSignal
  /**
   * Starts a parser thread (parser-worker.ts): the file is then read and mapped there while this thread
   * writes. Without it everything runs in this thread.
   */
  spawnParser?: SpawnParser
  /** Files smaller than this are read in this thread even with spawnParser (starting a thread costs more). */
  parserMinBytes?: number
  /** Files at least this big fill the customers' search index and totals once at the end (deferred-triggers.ts). */
  customerTriggersMinBytes?: number
  /** How many (day, product) sums the import keeps in memory for the dashboard's days (days-tally.ts). */
  daysTallySlots?: number
  onProgress?: (progress: ImportProgress) => void
  /**
   * The import's clock, for the times it records (history row, saved mappings): the API passes the job's
   * start time, the CLI the machine's clock, tests a fixed time. Required: the engine never reads the clock.
   */
  now: () => Date
}

const PROGRESS_EVERY_MS = 100
const PARSER_MIN_BYTES = 4 * 1024 * 1024
/**
 * The import connection's page cache. 16 MB, not 32: on the bench's 1,000,000-line file the import ran as fast
 * (22.7-24.0 s against 22.3-25.3 s, write and index parts alike) with a peak RSS of 385-392 MB against
 * 405-418 MB (quiet machine, 2026-12-01): the indexes that take random inserts are deferred, so the writes
 * mostly touch the right edge of each B-tree (the receipts' natural key, numbers in text order, is the
 * exception). 48 MB was slower again in session 10, 2-8 MB the same for the writes; the deferred indexes are
 * rebuilt under 2 MB (deferred-indexes.ts).
 */
const IMPORT_CACHE_KIB = 16 * 1024

function checkReady(
  plan: FilePlan,
): asserts plan is FilePlan & { mapping: NonNullable<FilePlan['mapping']> } {
  if (!plan.mapping) {
    throw new LukkhaError(
      'mapping_needed',
      `${plan.fileName}: the header is not a layout Lukkha knows (${plan.header.join(', ')}). Map its columns to Lukkha's fields (the import wizard, or --mapping FILE.json).`,
      { decision: 'mapping' },
      { file: plan.fileName },
    )
  }
  assertComplete(plan.mapping, plan.fileName)
  if (plan.dateOrder.ambiguous && plan.dateOrder.chosen === null) {
    throw new LukkhaError(
      'date_order_needed',
      `${plan.fileName}: every date fits both day/month/year and month/day/year. Say which the file uses (date order dmy or mdy).`,
      { decision: 'date_order' },
      { file: plan.fileName },
    )
  }
}

export async function runImport(
  sqlite: Sqlite,
  path: string,
  options: ImportOptions,
  hooks: RunHooks,
): Promise<ImportSummary> {
  const started = performance.now() // for elapsedMs only (a duration, not "now")
  const checkStart = started
  const now = (): string => localTimestamp(hooks.now())
  hooks.onProgress?.({ done: 0, total: 0, phase: 'import.phase.checking' })
  // A big file's parser thread is started now, so it loads while the file is checked and planned.
  const size = fileSize(path)
  const parser =
    hooks.spawnParser && size >= (hooks.parserMinBytes ?? PARSER_MIN_BYTES)
      ? new ParserThread(hooks.spawnParser)
      : null
  try {
    const plan = await planImport(sqlite, path, options)
    checkReady(plan)
    const clock = new PartClock()
    clock.add('check', performance.now() - checkStart)
    return await importPlanned(sqlite, plan, options, hooks, now, started, parser, clock)
  } finally {
    parser?.dispose()
  }
}

/** The file's size, or -1 when it cannot be read (planning then says why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return -1
  }
}

export async function importPlanned(
  sqlite: Sqlite,
  plan: FilePlan & { mapping: NonNullable<FilePlan['mapping']> },
  options: ImportOptions,
  hooks: RunHooks,
  now: () => string,
  started: number,
  /** Reads the file when given (big files); otherwise this thread reads it. */
  parser: ParserThread | null = null,
  /** Where the time goes (parts.ts); the summary reports it. */
  clock: PartClock = new PartClock(),
): Promise<ImportSummary> {
  const mapping = plan.mapping
  const context = {
    dateOrder: plan.dateOrder.chosen,
    shopOffsetMinutes: options.shopOffsetMinutes ?? 420,
    checkText: plan.badSequences > 0 || plan.encodingGuessed,
  }
  const validRowsOnly = options.validRowsOnly ?? false
  const errors: RowIssue[] = []
  const warnings: RowIssue[] = []
  let warningCount = 0
  let rowsRead = 0
  let rowsRejected = 0
  let rowsIgnored = 0
  const rejected = options.rejectedOut ? new RejectedRowsFile(options.rejectedOut, plan.header) : null
  const storedOptions = JSON.stringify({
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    sheet: plan.sheet,
    date_order: plan.dateOrder.chosen,
    decimal_separator: mapping.decimalSeparator,
    columns: mapping.columns,
    valid_rows_only: validRowsOnly,
  })

  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number
  const previousForeignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
  // Every id the import writes comes from a row it just inserted or one it loaded in this same transaction,
  // so SQLite's per-row foreign-key lookups (three per line) only cost time here. They stay on everywhere else.
  sqlite.pragma('foreign_keys = OFF')
  sqlite.prepare('begin immediate').run()
  let open = true
  // SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR): a ROLLBACK then fails
  // with "cannot rollback - no transaction is active" and would hide the real error, so only roll back a
  // transaction that is still open, and never let the rollback's own failure replace the cause.
  const rollback = (): void => {
    if (open && sqlite.inTransaction) {
      try {
        sqlite.prepare('rollback').run()
      } catch {
        // the original error is what the user needs to see
      }
    }
    open = false
  }
  try {
    const importId = Number(
      sqlite
        .prepare(
          "insert into imports (file_name, file_hash, preset, encoding, source, options, status, started_at) values (?, ?, ?, ?, ?, ?, 'running', ?)",
        )
        .run(plan.fileName, plan.sha256, mapping.preset, plan.encoding, mapping.source, storedOptions, now())
        .lastInsertRowid,
    )
    const stamp = now()
    const days = await markDays(sqliteRunner(sqlite)) // the dashboard's stored days (dashboard/days-update.ts)
    const indexes = mapping.kind === 'sales' ? deferIndexes(sqlite, plan.size) : null
    const triggers = deferCustomerTriggers(sqlite, plan.size, hooks.customerTriggersMinBytes)
    const customers = new CustomerBook(sqlite, importId, mapping.source, mapping.codeKind, stamp)
    const catalog = new Catalog(sqlite, importId, stamp)
    const tally =
      days.fresh && mapping.kind === 'sales' ? new DaysTally(sqlite, hooks.daysTallySlots) : undefined
    const sales =
      mapping.kind === 'sales'
        ? new SalesWriter(sqlite, importId, mapping.source, customers, catalog, {
            sourcePrefixes: mapping.preset === 'lukkha_sales',
            clock,
            ...(tally ? { days: tally } : {}),
            ...(indexes ? { beforeWrite: () => indexes.drop() } : {}),
          })
        : null
    // (every valid sale line is checked, also once nothing more will be written: the list shows them all)
    const receiptCheck = mapping.kind === 'sales' ? ReceiptCheck.forMapping(mapping) : null
    const reject = (row: number, cells: string[], issues: RowIssue[]): void => {
      rowsRejected++
      for (const issue of issues) if (errors.length < MAX_LISTED_ISSUES) errors.push(issue)
      rejected?.add(cells, issues)
    }
    let lastProgress = 0
    const apply = (m: MappedBatch): void => {
      const applyStart = performance.now()
      const writeBefore = clock.get('write')
      rowsRead += m.rowsRead
      rowsIgnored += m.ignored
      const batchWarnings = receiptCheck ? receiptCheck.checkBatch(m.sales, m.warnings) : m.warnings
      warningCount += batchWarnings.length
      for (const issue of batchWarnings) if (warnings.length < MAX_LISTED_ISSUES) warnings.push(issue)
      for (const r of m.rejected) reject(r.row, r.cells, r.issues)
      // once a row is rejected and the user has not chosen to keep the valid ones, nothing will be stored:
      // keep checking rows for the error list but stop writing
      if (validRowsOnly || rowsRejected === 0) {
        if (sales) for (const line of m.sales) sales.add(line)
        for (const c of m.customers) {
          customers.resolve(c.identity, null, {
            birthday: c.birthday,
            firstVisit: c.firstVisit,
            lastVisit: c.lastVisit,
          })
        }
      }
      clock.add('match', performance.now() - applyStart - (clock.get('write') - writeBefore))
      const t = performance.now()
      if (t - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = t
        hooks.onProgress?.({ done: m.bytesRead, total: plan.size, phase: 'import.phase.reading' })
      }
    }
    const readOptions = {
      ...(plan.encoding ? { encoding: plan.encoding } : {}),
      ...(plan.delimiter ? { delimiter: plan.delimiter } : {}),
      ...(plan.sheet ? { sheet: plan.sheet } : {}),
    }
    let read: ReadResult
    const readingStart = performance.now()
    if (parser) {
      const cpuStart = threadCpuMs()
      read = await parser.read(
        { path: plan.path, format: plan.format, readOptions, mapping, context },
        apply,
        hooks.signal,
        clock,
      )
      // this thread's reading phase is unpack + match + write + waiting for the parser's next batch
      const busy = clock.get('unpack') + clock.get('match') + clock.get('write')
      clock.add('waitParser', Math.max(0, performance.now() - readingStart - busy))
      const cpu = threadCpuMs() - cpuStart
      if (!Number.isNaN(cpu)) clock.add('cpuImport', cpu)
      clock.merge(parser.parts)
    } else {
      const mapper = new BatchMapper(mapping, context)
      read = await readTable(
        plan.path,
        plan.format,
        { ...readOptions, ...(hooks.signal ? { signal: hooks.signal } : {}) },
        { header: () => undefined, batch: (batch) => apply(clock.time('map', () => mapper.map(batch))) },
        clock,
      )
    }
    errors.sort((a, b) => a.row - b.row)
    const rejectedFile = rejected?.close() ?? null
    const base = {
      fileName: plan.fileName,
      format: plan.format,
      preset: mapping.preset,
      kind: mapping.kind,
      source: mapping.source,
      encoding: plan.encoding,
      encodingGuessed: plan.encodingGuessed,
      delimiter: plan.delimiter,
      sheet: plan.sheet,
      dateOrder: plan.dateOrder.chosen,
      rowsRead,
      rowsRejected,
      rowsIgnored,
      errors,
      warnings,
      warningCount,
      rejectedFile,
      parts: clock.ms,
    }
    const nothing = {
      receiptsAdded: 0,
      linesAdded: 0,
      duplicatesSkipped: 0,
      customersCreated: 0,
      customersMatched: 0,
      productsCreated: 0,
      storesCreated: 0,
      mergeSuggestions: 0,
      netAdded: 0,
    }
    if (read.aborted || hooks.signal?.aborted) {
      rollback()
      return {
        status: 'cancelled',
        importId: null,
        ...base,
        ...nothing,
        elapsedMs: Math.round(performance.now() - started),
      }
    }
    if (rowsRejected > 0 && !validRowsOnly) {
      rollback()
      const failedId = recordFailed(sqlite, plan, mapping.preset, mapping.source, storedOptions, base, now)
      saveMapping(sqlite, plan, now())
      return {
        status: 'failed',
        importId: failedId,
        ...base,
        ...nothing,
        elapsedMs: Math.round(performance.now() - started),
      }
    }
    hooks.onProgress?.({ done: plan.size, total: plan.size, phase: 'import.phase.finishing' })
    const flushStart = performance.now()
    const salesCounts = sales?.finish() ?? {
      receiptsAdded: 0,
      linesAdded: 0,
      duplicatesSkipped: 0,
      netAdded: 0,
    }
    const customerCounts = customers.finish()
    clock.add('flush', performance.now() - flushStart)
    if (triggers.deferred) clock.time('fill', () => triggers.fill(importId))
    clock.time('index', () => indexes?.rebuild())
    await clock.timeAsync('days', async () => {
      if (tally?.usable) {
        tally.write()
        await stampDays(sqliteRunner(sqlite))
      } else await addImportedDays(sqliteRunner(sqlite), days)
    })
    // the customer totals (customers/totals-update.ts)
    await clock.timeAsync('totals', () => addImportedTotals(sqliteRunner(sqlite), days, importId))
    const counts = {
      ...salesCounts,
      ...customerCounts,
      productsCreated: catalog.productsCreated,
      storesCreated: catalog.storesCreated,
    }
    sqlite
      .prepare(
        `update imports set rows_read = ?, receipts_added = ?, lines_added = ?, duplicates_skipped = ?, customers_created = ?,
           customers_matched = ?, rows_rejected = ?, rows_ignored = ?, status = 'done', finished_at = ? where id = ?`,
      )
      .run(
        rowsRead,
        counts.receiptsAdded,
        counts.linesAdded,
        counts.duplicatesSkipped,
        counts.customersCreated,
        counts.customersMatched,
        rowsRejected,
        rowsIgnored,
        now(),
        importId,
      )
    saveMapping(sqlite, plan, now())
    clock.time('commit', () => sqlite.prepare('commit').run())
    open = false
    return {
      status: 'done',
      importId,
      ...base,
      ...counts,
      parts: clock.rounded(),
      elapsedMs: Math.round(performance.now() - started),
    }
  } catch (error) {
    rollback()
    rejected?.discard()
    throw toCodedError(error, { file: plan.fileName })
  } finally {
    try {
      sqlite.pragma(`cache_size = ${previousCache}`)
      sqlite.pragma(`foreign_keys = ${previousForeignKeys}`)
    } catch {
      // a connection that just failed (disk full, read-only) must not hide the import's own error
    }
  }
}

function recordFailed(
  sqlite: Sqlite,
  plan: FilePlan,
  preset: string,
  source: string,
  options: string,
  counts: { rowsRead: number; rowsRejected: number; rowsIgnored: number },
  now: () => string,
): number {
  const at = now()
  return Number(
    sqlite
      .prepare(
        "insert into imports (file_name, file_hash, preset, encoding, source, options, rows_read, rows_rejected, rows_ignored, status, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'failed', ?, ?)",
      )
      .run(
        plan.fileName,
        plan.sha256,
        preset,
        plan.encoding,
        source,
        options,
        counts.rowsRead,
        counts.rowsRejected,
        counts.rowsIgnored,
        at,
        at,
      ).lastInsertRowid,
  )
}

/** A mapping the user made (wizard or --mapping) is kept for the next file with the same header. */
function saveMapping(sqlite: Sqlite, plan: FilePlan, at: string): void {
  const mapping = plan.mapping
  if (!mapping || mapping.preset !== 'generic') return
  const json = JSON.stringify({
    kind: mapping.kind,
    source: mapping.source,
    decimal_separator: mapping.decimalSeparator,
    columns: mapping.columns,
  })
  sqlite
    .prepare(
      `insert into import_mappings (header_signature, headers, mapping, created_at, used_at) values (?, ?, ?, ?, ?)
       on conflict (header_signature) do update set headers = excluded.headers, mapping = excluded.mapping, used_at = excluded.used_at`,
    )
    .run(headerSignature(plan.header), JSON.stringify(plan.header), json, at, at)
}
