import { expectedPurchasesIfAlive, pAlive, type BgNbdParams } from './bgnbd'
import type { GroupedData } from './bgnbd-groups'
import { probabilityNoPurchase } from './churn'
import { clvMonths, type ClvOptions } from './clv'
import { NotConvergedError } from './special'

// A run's BG/NBD forecasts once per distinct (x, t_x, T) group (bgnbd-groups.ts), into columns the predict
// loop reads by each customer's group: no map lookups or objects per customer. The groups of shop data come
// ordered by (x, T, t_x), so the 2F1 behind the expected purchases (which depends on x and T, not on t_x) is
// computed once per run of neighbours; other orders still work, only with more 2F1s. The formulas are those
// of ForecastCache (customer-value.ts), evaluated the same way, so the numbers are the same to the bit
// (test/analysis/forecast-groups.test.ts).

export interface GroupForecasts {
  pAlive: Float64Array
  expected30: Float64Array
  expected90: Float64Array
  expected365: Float64Array
  /** Discounted expected purchases over the CLV horizon (CLV = spend x this). */
  discounted: Float64Array
  /** The churn score: the chance of no purchase within the churn horizon (churn.ts). */
  noPurchase: Float64Array
  /** 1 where the expected purchases could not be computed (NotConvergedError in both 2F1 forms). */
  failed: Uint8Array
}

export function forecastGroups(
  bg: BgNbdParams,
  groups: GroupedData,
  clv: ClvOptions,
  churnHorizon: number,
): GroupForecasts {
  const n = groups.x.length
  const out: GroupForecasts = {
    pAlive: new Float64Array(n),
    expected30: new Float64Array(n),
    expected90: new Float64Array(n),
    expected365: new Float64Array(n),
    discounted: new Float64Array(n),
    noPurchase: new Float64Array(n),
    failed: new Uint8Array(n),
  }
  const { times: monthEnds, growth } = clvMonths(clv)
  const at = [30 / clv.unitDays, 90 / clv.unitDays, 365 / clv.unitDays, ...monthEnds]
  const ifAlive = new Float64Array(at.length)
  const nearOne = Math.abs(bg.a - 1) < 1e-7
  let lastX = -1
  let lastT = Number.NaN
  let failed = false
  for (let g = 0; g < n; g++) {
    const x = groups.x[g] as number
    const tx = groups.tx[g] as number
    const T = groups.T[g] as number
    if (x !== lastX || T !== lastT) {
      lastX = x
      lastT = T
      failed = false
      try {
        for (let k = 0; k < at.length; k++) ifAlive[k] = expectedPurchasesIfAlive(bg, at[k] as number, x, T)
      } catch (error) {
        if (!(error instanceof NotConvergedError)) throw error
        failed = true
      }
    }
    const alive = pAlive(bg, x, tx, T)
    out.pAlive[g] = alive
    out.noPurchase[g] = probabilityNoPurchase(bg, churnHorizon, x, tx, T)
    if (failed) {
      out.failed[g] = 1
      continue
    }
    const weight = nearOne ? pAlive({ ...bg, a: 1 + 1e-7 }, x, tx, T) : alive
    let discounted = 0
    let previous = 0
    for (let k = 0; k < growth.length; k++) {
      const expected = (ifAlive[3 + k] as number) * weight
      discounted += (expected - previous) / (growth[k] as number)
      previous = expected
    }
    out.expected30[g] = (ifAlive[0] as number) * weight
    out.expected90[g] = (ifAlive[1] as number) * weight
    out.expected365[g] = (ifAlive[2] as number) * weight
    out.discounted[g] = discounted
  }
  return out
}
