import { resolve } from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import { customerFilterSchema } from '../../../shared/api/customers'
import { reportNames, reportRequestSchema, type ReportName } from '../../../shared/api/reports'
import { productIdBySku } from '../../baskets/rules-page'
import { writeFileAtomic } from '../../export'
import { customerIdsByCode, renderReport } from '../../reports'
import { openForReading, withConnection } from '../database'
import { printJson, printLine } from '../output'
import { dbOption, type GlobalOptions } from '../options'

interface ReportOptions extends GlobalOptions {
  out: string
  customer?: string[]
  segment?: string
  campaign?: string
  atRisk?: boolean
  from?: string
  to?: string
  bought?: string
  never?: string
  filter?: string
  lang?: 'th' | 'en'
}

function reportName(value: string): ReportName {
  if (!(reportNames as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`one of: ${reportNames.join(', ')}`)
  }
  return value as ReportName
}

function language(value: string): 'th' | 'en' {
  if (value !== 'th' && value !== 'en') throw new InvalidArgumentError('th or en')
  return value
}

export function registerReport(program: Command): void {
  dbOption(program.command('report'))
    .description(
      'write a printable report as one self-contained HTML file (fonts embedded) that any Chromium prints to PDF',
    )
    .argument('<name>', `the report: ${reportNames.join(', ')}`, reportName)
    .requiredOption('--out <file.html>', 'the HTML file to write')
    .option('--customer <code...>', 'customer (and call-list): the member codes of the customers')
    .option('--segment <key>', 'segments: one segment with all its customers; call-list: the segment to call')
    .option('--campaign <id>', 'campaign, campaign-letters, campaign-labels: the campaign id')
    .option('--at-risk', 'call-list: the valuable customers at risk')
    .option('--from <YYYY-MM-DD>', 'satisfaction: responses from this day')
    .option('--to <YYYY-MM-DD>', 'satisfaction: responses up to this day')
    .option('--bought <sku>', 'baskets: with --never, the customers who bought this product...')
    .option('--never <sku>', '...but never this one (the target list)')
    .option('--filter <json>', 'call-list: the customer book filter, e.g. \'{"tag":"vip"}\'')
    .option('--lang <th|en>', 'the report language (default: the app setting)', language)
    .action(async (name: ReportName, options: ReportOptions) => {
      const out = resolve(options.out)
      const rendered = await withConnection(openForReading(options.db), async (connection) => {
        const customerIds = options.customer
          ? await customerIdsByCode(connection.db, options.customer)
          : undefined
        const filter = options.filter
          ? customerFilterSchema.strict().parse(JSON.parse(options.filter))
          : undefined
        const request = reportRequestSchema.parse({
          report: name,
          segment: options.segment,
          customerIds,
          source: options.atRisk ? 'at_risk' : filter ? 'customer_filter' : undefined,
          filter,
          from: options.from,
          to: options.to,
          boughtProductId: options.bought ? await productIdBySku(connection.db, options.bought) : undefined,
          neverProductId: options.never ? await productIdBySku(connection.db, options.never) : undefined,
          campaignId: options.campaign === undefined ? undefined : Number(options.campaign),
          language: options.lang,
        })
        return renderReport(connection, request, {
          systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
          now: new Date(),
        })
      })
      // a temporary file renamed into place: an interrupted write never leaves half a report
      await writeFileAtomic(out, Buffer.from(rendered.html))
      if (options.json)
        printJson({ report: name, title: rendered.title, out, bytes: Buffer.byteLength(rendered.html) })
      else printLine(`Wrote ${rendered.title} to ${out}`)
    })
}
