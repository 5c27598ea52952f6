import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { localTimestamp } from '../../../shared/calendar'
import { customerByCode } from '../../customers/edit'
import { mergeCustomers } from '../../customers/merge'
import { eraseCustomer } from '../../customers/erasure'
import { exportSubject } from '../../customers/privacy'
import { customerProfile } from '../../customers/profile'
import { searchCustomers } from '../../customers/search'
import { openForReading, openForWriting, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

// `cli customers ...`: the customer book from the command line. A customer is named by their member code
// (or, when they have none, their number as shown by `search`).

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]))
  return value
}

export function registerCustomers(program: Command): void {
  const customers = program.command('customers').description('find, show, export, erase and merge customers')

  dbOption(customers.command('search <text>'))
    .description('customers whose name, code, phone or e-mail contains the text, best match first')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (text: string, options: GlobalOptions & { limit: string }) => {
      const hits = await withConnection(openForReading(options.db), ({ db }) =>
        searchCustomers(db, text, Math.max(1, Number(options.limit) || 50)),
      )
      if (options.json)
        printJson(
          hits.map((h) => ({ code: h.code ?? String(h.id), name: h.name, phone: h.phone, email: h.email })),
        )
      else
        printTable(
          ['code', 'name', 'phone', 'email'],
          hits.map((h) => [h.code ?? String(h.id), h.name, h.phone ?? '', h.email ?? '']),
        )
    })

  dbOption(customers.command('show <code>'))
    .description("one customer's profile: contacts, consents, key figures, purchases, interactions, tasks")
    .action(async (code: string, options: GlobalOptions) => {
      const profile = await withConnection(openForReading(options.db), async ({ db }) =>
        customerProfile(db, await customerByCode(db, code)),
      )
      if (options.json) printJson(snakeKeys(profile))
      else {
        const c = profile.customer
        printTable(
          ['field', 'value'],
          [
            ['code', c.code ?? String(c.id)],
            ['name', c.name],
            ['phone', c.phone ?? ''],
            ['email', c.email ?? ''],
            ['line', c.lineId ?? ''],
            ['spend (baht)', (profile.figures.spendSatang / 100).toFixed(2)],
            ['visits', profile.figures.visits],
            ['last purchase', profile.figures.lastPurchase ?? ''],
            ['tags', c.tags.join(', ')],
          ],
        )
      }
    })

  dbOption(customers.command('export-subject <code>'))
    .description('everything held about one customer (PDPA access request), as JSON or CSV by the file name')
    .requiredOption('--out <file>', 'the file to write (.json or .csv)')
    .action(async (code: string, options: GlobalOptions & { out: string }) => {
      const out = resolve(options.out)
      const format = out.toLowerCase().endsWith('.csv') ? 'csv' : 'json'
      const file = await withConnection(openForWriting(options.db), async ({ db }) =>
        exportSubject(db, await customerByCode(db, code), format, localTimestamp(new Date()), 'cli'),
      )
      writeFileSync(out, file.bytes)
      if (options.json) printJson({ file: out, format, bytes: file.bytes.length })
      else printLine(`Wrote ${format.toUpperCase()} of customer ${code} to ${out}`)
    })

  dbOption(customers.command('erase <code>'))
    .description("erase one customer's personal data (PDPA); their sales stay as anonymous totals")
    .option('--by <name>', 'who erased it, for the erasure log', 'cli')
    .action(async (code: string, options: GlobalOptions & { by: string }) => {
      const result = await withConnection(openForWriting(options.db), async ({ db }) =>
        eraseCustomer(db, await customerByCode(db, code), options.by, localTimestamp(new Date())),
      )
      if (options.json) printJson({ erasure_id: result.erasureId, masked_name: result.maskedName })
      else printLine(`Erased customer ${code} (${result.maskedName}); erasure ${result.erasureId} logged`)
    })

  dbOption(customers.command('merge <keep> <other>'))
    .description('merge customer OTHER into KEEP: purchases, interactions, tasks, consents and tags move')
    .action(async (keep: string, other: string, options: GlobalOptions) => {
      const mergeId = await withConnection(openForWriting(options.db), async ({ db }) =>
        mergeCustomers(
          db,
          await customerByCode(db, keep),
          await customerByCode(db, other),
          localTimestamp(new Date()),
        ),
      )
      if (options.json) printJson({ merge_id: mergeId })
      else printLine(`Merged ${other} into ${keep} (merge ${mergeId}; undo it in the app's Duplicates tab)`)
    })
}
