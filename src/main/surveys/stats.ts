import type { SatisfactionLevel } from '../db/schema'

// The arithmetic of the satisfaction analysis, on counts only (no database): shares of the three levels,
// net delight with its confidence interval, and the improvement priority of an aspect. README.md gives the
// formulas and why they were chosen.

/** Below this many answers a figure is shown but flagged, and never ranked ahead of a well-measured one. */
export const SMALL_SAMPLE = 30

const Z95 = 1.959964

export type LevelCounts = Record<SatisfactionLevel, number>

export const emptyCounts = (): LevelCounts => ({ delighted: 0, satisfied: 0, disappointed: 0 })

export interface Shares {
  n: number
  /** Fractions of 1; 0 when n is 0. */
  delighted: number
  satisfied: number
  disappointed: number
  /** delighted - disappointed, from -1 to 1; null when n is 0. */
  netDelight: number | null
  /** 95% interval of net delight (Wald, clipped to [-1, 1]); null when n is 0. */
  low: number | null
  high: number | null
  small: boolean
}

/**
 * Net delight d = p+ - p-, where p+ and p- are two cells of one multinomial sample of n answers. Its variance is
 * Var(p+) + Var(p-) - 2 Cov(p+, p-) = [p+(1-p+) + p-(1-p-) + 2 p+ p-] / n = [p+ + p- - (p+ - p-)^2] / n,
 * and the 95% interval is d +/- 1.96 sqrt(Var).
 */
export function shares(counts: LevelCounts): Shares {
  const n = counts.delighted + counts.satisfied + counts.disappointed
  if (n === 0) {
    return {
      n,
      delighted: 0,
      satisfied: 0,
      disappointed: 0,
      netDelight: null,
      low: null,
      high: null,
      small: true,
    }
  }
  const plus = counts.delighted / n
  const minus = counts.disappointed / n
  const d = plus - minus
  const half = Z95 * Math.sqrt(Math.max(0, plus + minus - d * d) / n)
  return {
    n,
    delighted: plus,
    satisfied: counts.satisfied / n,
    disappointed: minus,
    netDelight: d,
    low: Math.max(-1, d - half),
    high: Math.min(1, d + half),
    small: n < SMALL_SAMPLE,
  }
}

/** Answers to one aspect paired with the same response's overall level. */
export interface PairCounts {
  /** aspect disappointed and overall disappointed */
  both: number
  /** aspect disappointed, overall not */
  aspectOnly: number
  /** aspect not disappointed, overall disappointed */
  overallOnly: number
  /** neither */
  neither: number
}

export const emptyPairs = (): PairCounts => ({ both: 0, aspectOnly: 0, overallOnly: 0, neither: 0 })

export interface Priority {
  /** Share of this aspect's answers that are disappointed. */
  disappointedShare: number
  /** P(overall disappointed | aspect disappointed) - P(overall disappointed | aspect not); null if either is undefined. */
  association: number | null
  /** disappointedShare x (1 + max(0, association)). */
  impact: number
}

/**
 * How often an aspect disappoints, weighted up by how much more often the overall answer is disappointed
 * when this aspect is (a penalty analysis whose weight never drops below 1: an aspect that disappoints often
 * stays a priority even where the overall answer was not asked and the association is weak).
 */
export function priority(p: PairCounts): Priority {
  const n = p.both + p.aspectOnly + p.overallOnly + p.neither
  const disappointed = p.both + p.aspectOnly
  const rest = p.overallOnly + p.neither
  const disappointedShare = n === 0 ? 0 : disappointed / n
  const association = disappointed === 0 || rest === 0 ? null : p.both / disappointed - p.overallOnly / rest
  return { disappointedShare, association, impact: disappointedShare * (1 + Math.max(0, association ?? 0)) }
}

/**
 * Ranks (1 = improve first): well-measured aspects before small samples, then by impact, then by how often
 * they disappoint, then by key so the order is stable.
 */
export function rankPriorities(
  items: readonly { key: string; n: number; priority: Priority }[],
): Map<string, number> {
  const sorted = [...items].sort(
    (a, b) =>
      Number(a.n < SMALL_SAMPLE) - Number(b.n < SMALL_SAMPLE) ||
      b.priority.impact - a.priority.impact ||
      b.priority.disappointedShare - a.priority.disappointedShare ||
      a.key.localeCompare(b.key),
  )
  return new Map(sorted.map((item, i) => [item.key, i + 1]))
}
