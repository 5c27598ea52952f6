import { InvalidArgumentError, type Command } from 'commander'
import { basketLevels, type BasketLevel } from '../../baskets/load'
import { bySizeObject } from '../../baskets/mine'
import { shopBasketAnalysis } from '../../baskets/shop'
import { openForReading, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { parsePositiveInt, parseRate, sig } from './analysis-options'

interface BasketOptions extends GlobalOptions {
  minSupport: number
  minConfidence: number
  level: BasketLevel
  maxSize?: number
  minLift?: number
  limit?: number
}

function parseLevel(value: string): BasketLevel {
  const level = basketLevels.find((l) => l === value)
  if (!level) throw new InvalidArgumentError(`expected ${basketLevels.join(' or ')}, got "${value}"`)
  return level
}

function parseSupport(value: string): number {
  const n = parseRate(value)
  if (n === 0) throw new InvalidArgumentError('min support must be above 0')
  return n
}

function parseLift(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected a lift of 0 or more, got "${value}"`)
  return n
}

export function registerBasket(program: Command): void {
  dbOption(program.command('basket'))
    .description('Frequent itemsets and association rules over the sale receipts (one basket per receipt)')
    .requiredOption(
      '--min-support <x>',
      'share of baskets an itemset must be in (0.001 = 0.1 %)',
      parseSupport,
    )
    .requiredOption(
      '--min-confidence <y>',
      "share of the antecedent's baskets that hold the consequent",
      parseRate,
    )
    .option('--level <level>', 'items are products (by SKU) or categories', parseLevel, 'product')
    .option('--max-size <k>', 'largest itemset size', parsePositiveInt)
    .option('--min-lift <x>', 'keep rules with at least this lift', parseLift)
    .option('--limit <n>', 'rules to print in the table (default 20; JSON has all)', parsePositiveInt)
    .action(async (options: BasketOptions) => {
      const result = await withConnection(openForReading(options.db), ({ db }) =>
        shopBasketAnalysis(db, {
          level: options.level,
          minSupport: options.minSupport,
          minConfidence: options.minConfidence,
          maxSize: options.maxSize,
          minLift: options.minLift,
        }),
      )
      if (options.json) {
        printJson({
          baskets: result.baskets,
          itemsets: result.itemsets,
          itemsets_by_size: bySizeObject(result.itemsetsBySize),
          rules: result.rules.map((r) => ({
            antecedent: r.antecedent,
            consequent: r.consequent,
            support: r.support,
            confidence: r.confidence,
            lift: r.lift,
            leverage: r.leverage,
            conviction: r.conviction,
          })),
        })
        return
      }
      printLine(
        `${result.baskets} baskets, ${result.itemsets} frequent itemsets (in >= ${result.minCount} baskets), ${result.rules.length} rules`,
      )
      printTable(
        ['antecedent', 'consequent', 'support', 'confidence', 'lift'],
        result.rules
          .slice(0, options.limit ?? 20)
          .map((r) => [
            `{${r.antecedent.join(', ')}}`,
            `{${r.consequent.join(', ')}}`,
            sig(r.support) ?? '',
            sig(r.confidence) ?? '',
            sig(r.lift) ?? '',
          ]),
      )
    })
}
