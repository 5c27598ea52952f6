import type { CampaignGroup, campaignVerdicts } from '../../shared/api/campaigns'

// Contacted vs hold-out: the lift in response rate (a difference of two shares) with its Wald 95% interval,
// and the lift in revenue per customer (a difference of two means) with Welch's standard error and the
// normal 95% interval. A lift whose interval includes 0 "could be chance"; one whose interval is all above
// (or all below) 0 is real at the 95% level.

export const Z95 = 1.959963984540054

export type Verdict = (typeof campaignVerdicts)[number]

export interface MemberOutcome {
  holdout: boolean
  visits: number
  revenueSatang: number
}

export function groupFigures(members: readonly MemberOutcome[]): CampaignGroup {
  const n = members.length
  let responders = 0
  let revenue = 0
  let visits = 0
  for (const m of members) {
    if (m.visits > 0) responders++
    revenue += m.revenueSatang
    visits += m.visits
  }
  return {
    members: n,
    responders,
    responseRate: n === 0 ? 0 : responders / n,
    revenueSatang: revenue,
    revenuePerCustomerSatang: n === 0 ? 0 : revenue / n,
    visits,
    visitsPerCustomer: n === 0 ? 0 : visits / n,
  }
}

export interface Lift {
  lift: number | null
  ci95: [number, number] | null
  verdict: Verdict
}

function verdictOf(ci: [number, number]): Verdict {
  if (ci[0] > 0) return 'real_up'
  if (ci[1] < 0) return 'real_down'
  return 'chance'
}

/** Difference of two proportions p1 - p2 with the Wald interval. */
export function proportionLift(x1: number, n1: number, x2: number, n2: number): Lift {
  if (n1 === 0 || n2 === 0) return { lift: null, ci95: null, verdict: 'too_few' }
  const p1 = x1 / n1
  const p2 = x2 / n2
  const lift = p1 - p2
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const ci: [number, number] = [lift - Z95 * se, lift + Z95 * se]
  return { lift, ci95: ci, verdict: verdictOf(ci) }
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length
  const mean = values.reduce((s, v) => s + v, 0) / n
  const variance = n < 2 ? 0 : values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)
  return { mean, variance }
}

/** Difference of two means a - b with Welch's standard error (sample variances) and the normal interval. */
export function meanLift(a: readonly number[], b: readonly number[]): Lift {
  if (a.length < 2 || b.length < 2) return { lift: null, ci95: null, verdict: 'too_few' }
  const x = meanAndVariance(a)
  const y = meanAndVariance(b)
  const lift = x.mean - y.mean
  const se = Math.sqrt(x.variance / a.length + y.variance / b.length)
  const ci: [number, number] = [lift - Z95 * se, lift + Z95 * se]
  return { lift, ci95: ci, verdict: verdictOf(ci) }
}
