import { resolve } from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import {
  campaignChannels,
  type CampaignChannel,
  type CampaignGroup,
  type CampaignTarget,
} from '../../../shared/api/campaigns'
import { campaignResults, createCampaign, exportCampaignList, listCampaigns } from '../../campaigns'
import { writeFileAtomic } from '../../export'
import { openForReading, openForWriting, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { parseDate, parsePositiveInt, parseRate } from './analysis-options'

// `cli campaign create|results|list|export`: the same engine as the app's Campaigns page.

interface CreateOptions extends GlobalOptions {
  segment?: string
  filter?: number
  basket?: [number, number]
  name?: string
  channel: CampaignChannel
  holdout: number
  seed?: number
  start?: string
  end?: string
}

function parseChannel(value: string): CampaignChannel {
  const channel = campaignChannels.find((c) => c === value)
  if (!channel) throw new InvalidArgumentError(`expected ${campaignChannels.join(', ')}, got "${value}"`)
  return channel
}

function parseBasket(value: string): [number, number] {
  const parts = value.split(',').map((p) => parsePositiveInt(p.trim()))
  if (parts.length !== 2) throw new InvalidArgumentError(`expected BOUGHT_ID,NEVER_ID, got "${value}"`)
  return [parts[0] as number, parts[1] as number]
}

function parseSeed(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647)
    throw new InvalidArgumentError(`expected a whole number 0..2147483647, got "${value}"`)
  return n
}

function targetOf(options: CreateOptions): CampaignTarget {
  const given = [options.segment, options.filter, options.basket].filter((v) => v !== undefined).length
  if (given !== 1) throw new InvalidArgumentError('give exactly one of --segment, --filter or --basket')
  if (options.segment !== undefined) return { kind: 'segment', segment: options.segment }
  if (options.filter !== undefined) return { kind: 'saved_filter', filterId: options.filter }
  const [bought, never] = options.basket ?? [0, 0]
  return { kind: 'basket', boughtProductId: bought, neverProductId: never }
}

const group = (g: CampaignGroup) => ({
  members: g.members,
  responders: g.responders,
  response_rate: g.responseRate,
  revenue_satang: g.revenueSatang,
  revenue_per_customer_satang: g.revenuePerCustomerSatang,
  visits: g.visits,
  visits_per_customer: g.visitsPerCustomer,
})

export function registerCampaign(program: Command): void {
  const campaign = program.command('campaign').description('campaigns measured against a random hold-out')

  dbOption(campaign.command('create'))
    .description('create a campaign for a segment, a saved customer filter or a basket target list')
    .option('--segment <key>', 'segment key of the latest analysis, e.g. at_risk')
    .option('--filter <id>', 'saved filter id of the customer list', parsePositiveInt)
    .option('--basket <bought,never>', 'basket target list: product ids bought A, never B', parseBasket)
    .option('--name <name>', 'campaign name (default: from the target)')
    .option('--channel <channel>', campaignChannels.join(' | '), parseChannel, 'line')
    .option('--holdout <share>', 'share held out and not contacted (0..0.5)', parseRate, 0.1)
    .option('--seed <n>', 'seed of the hold-out draw (default: from the clock; recorded)', parseSeed)
    .option('--start <date>', 'window start YYYY-MM-DD (default: day after the last sale)', parseDate)
    .option('--end <date>', 'window end YYYY-MM-DD (default: 30 days)', parseDate)
    .action(async (options: CreateOptions) => {
      const target = targetOf(options)
      const created = await withConnection(openForWriting(options.db), ({ db }) =>
        createCampaign(
          db,
          {
            name:
              options.name ??
              `Campaign ${options.segment ?? options.filter ?? options.basket?.join('-') ?? ''}`,
            channel: options.channel,
            target,
            holdoutShare: options.holdout,
            seed: options.seed,
            windowStart: options.start,
            windowEnd: options.end,
          },
          new Date(),
        ),
      )
      if (options.json)
        printJson({
          id: created.id,
          name: created.name,
          channel: created.channel,
          target: created.target,
          window_start: created.windowStart,
          window_end: created.windowEnd,
          holdout_share: created.holdoutShare,
          seed: created.seed,
          contacted: created.contacted,
          holdout: created.holdout,
          with_consent: created.reach.withConsent,
        })
      else
        printLine(
          `Campaign ${created.id} "${created.name}": ${created.contacted} to contact (${created.reach.withConsent} with marketing consent), ${created.holdout} held out (seed ${created.seed}), ${created.windowStart} to ${created.windowEnd}`,
        )
    })

  dbOption(campaign.command('results <id>'))
    .description('contacted vs hold-out in the window: response, revenue, visits, lift with 95% interval')
    .action(async (id: string, options: GlobalOptions) => {
      const r = await withConnection(openForReading(options.db), ({ db }) =>
        campaignResults(db, parsePositiveInt(id)),
      )
      if (options.json) {
        printJson({
          contacted: group(r.contacted),
          holdout: group(r.holdout),
          lift: r.lift,
          ci95: r.ci95,
          relative_lift: r.relativeLift,
          verdict: r.verdict,
          revenue_lift_satang: r.revenueLiftSatang,
          revenue_ci95: r.revenueCi95,
          revenue_verdict: r.revenueVerdict,
          window_start: r.windowStart,
          window_end: r.windowEnd,
          as_of: r.asOf,
          window_over: r.windowOver,
        })
        return
      }
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`
      printTable(
        ['group', 'members', 'responders', 'response', 'revenue/customer', 'visits/customer'],
        (['contacted', 'holdout'] as const).map((k) => [
          k,
          r[k].members,
          r[k].responders,
          pct(r[k].responseRate),
          (r[k].revenuePerCustomerSatang / 100).toFixed(2),
          r[k].visitsPerCustomer.toFixed(2),
        ]),
      )
      if (r.lift === null || r.ci95 === null) printLine('Lift: not measurable (a group is empty)')
      else
        printLine(
          `Lift ${pct(r.lift)} (95% CI ${pct(r.ci95[0])} to ${pct(r.ci95[1])}): ${r.verdict === 'chance' ? 'could be chance' : 'real'}`,
        )
    })

  dbOption(campaign.command('list'))
    .description('the campaigns with their status by the last sale')
    .action(async (options: GlobalOptions) => {
      const rows = await withConnection(openForReading(options.db), ({ db }) => listCampaigns(db))
      if (options.json) printJson(rows)
      else
        printTable(
          ['id', 'name', 'channel', 'status', 'window', 'contacted', 'holdout'],
          rows.map((c) => [
            c.id,
            c.name,
            c.channel,
            c.status,
            `${c.windowStart}..${c.windowEnd}`,
            c.contacted,
            c.holdout,
          ]),
        )
    })

  dbOption(campaign.command('export <id>'))
    .description('the contact list (marketing consent only) as CSV/XLSX, or a LINE audience file (.txt)')
    .requiredOption('--out <file>', 'the file to write: .csv, .xlsx or .txt (LINE user ids)')
    .action(async (id: string, options: GlobalOptions & { out: string }) => {
      const out = resolve(options.out)
      const lower = out.toLowerCase()
      const format = lower.endsWith('.xlsx') ? 'xlsx' : lower.endsWith('.txt') ? 'line' : 'csv'
      const file = await withConnection(openForReading(options.db), ({ db }) =>
        exportCampaignList(db, { id: parsePositiveInt(id), format }),
      )
      await writeFileAtomic(out, Buffer.from(file.base64, 'base64'))
      if (options.json) printJson({ file: out, format, rows: file.rows })
      else printLine(`Wrote ${file.rows} contacts to ${out}`)
    })
}
