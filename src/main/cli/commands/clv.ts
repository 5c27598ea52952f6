import { Option, type Command } from 'commander'
import { DEFAULT_CLV_OPTIONS } from '../../analysis/clv'
import { fitModels, predictCustomer, readCustomerDays } from '../../analysis/customer-value'
import { dayNumber } from '../../analysis/dates'
import { modelInput } from '../../analysis/model-input'
import { customerCodes } from '../../customers/codes'
import { openForReading, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { baht, parseDate, parsePositiveInt, parseRate, sig } from './analysis-options'

interface ClvCommandOptions extends GlobalOptions {
  calibrationEnd: string
  horizonDays: number
  discountRate: number
  timeUnit: 'days' | 'weeks'
}

export function registerClv(program: Command): void {
  dbOption(program.command('clv'))
    .description(
      'fit BG/NBD and Gamma-Gamma on the sales up to the calibration end; P(alive), expected purchases, spend and CLV per customer',
    )
    .requiredOption(
      '--calibration-end <date>',
      'last day of the calibration period (YYYY-MM-DD, inclusive)',
      parseDate,
    )
    .option('--horizon-days <n>', 'CLV horizon in days', parsePositiveInt, DEFAULT_CLV_OPTIONS.horizonDays)
    .option(
      '--discount-rate <rate>',
      'yearly discount rate for CLV (0.1 = 10 %)',
      parseRate,
      DEFAULT_CLV_OPTIONS.annualDiscountRate,
    )
    .addOption(
      new Option('--time-unit <unit>', 'time unit of t_x, T and alpha')
        .choices(['days', 'weeks'])
        .default('days'),
    )
    .action(async (options: ClvCommandOptions) => {
      const unitDays = options.timeUnit === 'weeks' ? 7 : 1
      const result = await withConnection(openForReading(options.db), async ({ db, sqlite }) => {
        const endDay = dayNumber(options.calibrationEnd)
        const days = readCustomerDays(sqlite, options.calibrationEnd)
        const inputs = [...days].map(([id, d]) => [id, modelInput(d, endDay, unitDays)] as const)
        const models = fitModels(inputs.map(([, input]) => input))
        const codes = await customerCodes(db)
        const clv = { horizonDays: options.horizonDays, annualDiscountRate: options.discountRate, unitDays }
        const customers = inputs.map(([id, input]) => {
          const v = predictCustomer(models, input, clv)
          return {
            code: codes.get(id) ?? null,
            x: input.x,
            t_x: sig(input.tx),
            T: sig(input.T),
            p_alive: sig(v.pAlive),
            expected_purchases_30: sig(v.expected30),
            expected_purchases_90: sig(v.expected90),
            expected_purchases_365: sig(v.expected365),
            expected_spend: v.expectedSpendSatang === null ? null : baht(v.expectedSpendSatang),
            clv: v.clvSatang === null ? null : baht(v.clvSatang),
          }
        })
        const bg = models.bgnbd
        const gg = models.gammaGamma
        return {
          calibration_end: options.calibrationEnd,
          time_unit: options.timeUnit,
          horizon_days: options.horizonDays,
          annual_discount_rate: options.discountRate,
          bgnbd: bg && {
            r: bg.params.r,
            alpha: bg.params.alpha,
            a: bg.params.a,
            b: bg.params.b,
            log_likelihood: bg.logLikelihood,
            customers: bg.customers,
          },
          gamma_gamma: gg && {
            p: gg.params.p,
            q: gg.params.q,
            gamma: gg.params.gamma,
            log_likelihood: gg.logLikelihood,
            customers: gg.customers,
          },
          note: models.note,
          customers,
        }
      })
      if (options.json) {
        printJson(result)
        return
      }
      const bg = result.bgnbd
      const gg = result.gamma_gamma
      printLine(`Calibration period ends ${result.calibration_end}; time unit ${result.time_unit}.`)
      printLine(
        bg
          ? `BG/NBD: r = ${bg.r.toPrecision(4)}, alpha = ${bg.alpha.toPrecision(4)}, a = ${bg.a.toPrecision(4)}, b = ${bg.b.toPrecision(4)}, LL = ${bg.log_likelihood.toFixed(2)} (${bg.customers} customers)`
          : 'BG/NBD: not fitted',
      )
      printLine(
        gg
          ? `Gamma-Gamma: p = ${gg.p.toPrecision(4)}, q = ${gg.q.toPrecision(4)}, gamma = ${gg.gamma.toPrecision(4)}, LL = ${gg.log_likelihood.toFixed(2)} (${gg.customers} repeat buyers)`
          : 'Gamma-Gamma: not fitted',
      )
      if (result.note) printLine(`Note: ${result.note}`)
      printLine()
      const fmt = (v: number | null, digits: number): string => (v === null ? '' : v.toFixed(digits))
      printTable(
        ['code', 'x', 'p_alive', 'exp_30d', 'exp_90d', 'exp_365d', 'spend', 'clv'],
        result.customers.map((c) => [
          c.code ?? '',
          c.x,
          fmt(c.p_alive, 3),
          fmt(c.expected_purchases_30, 2),
          fmt(c.expected_purchases_90, 2),
          fmt(c.expected_purchases_365, 2),
          fmt(c.expected_spend, 2),
          fmt(c.clv, 2),
        ]),
      )
    })
}
