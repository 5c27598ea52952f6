/** One measured figure of a benchmark, with its target where the issue sets one. */
export interface Figure {
  name: string
  value: number
  unit: string
  /** The target as text, e.g. '>= 300000' or '<= 1'. */
  target?: string
  /** Whether the value meets the target (undefined when there is none). */
  met?: boolean
}

export interface SuiteResult {
  suite: string
  figures: Figure[]
  notes?: string[]
}

export interface Suite {
  name: string
  description: string
  /** customers: --customers N, for the suites that generate a shop of that size (rfm). */
  run(options: { quick: boolean; workDir: string; customers?: number }): Promise<SuiteResult>
}

export function atMost(value: number, limit: number): Pick<Figure, 'target' | 'met'> {
  return { target: `<= ${limit}`, met: value <= limit }
}

export function atLeast(value: number, limit: number): Pick<Figure, 'target' | 'met'> {
  return { target: `>= ${limit}`, met: value >= limit }
}
