import type { SatisfactionLevel } from '../db/schema'

// The three levels of RTS-AMPQ-237A: an outcome better than expected (delighted, ประทับใจ), as expected
// (satisfied, พอใจ) or worse (disappointed, ผิดหวัง). Keys 1/2/3 and numbers in imported files follow the
// same order, worst first: 1 = disappointed, 2 = satisfied, 3 = delighted.

export const LEVELS = [
  'delighted',
  'satisfied',
  'disappointed',
] as const satisfies readonly SatisfactionLevel[]

export const LEVEL_BY_KEY: Record<'1' | '2' | '3', SatisfactionLevel> = {
  '1': 'disappointed',
  '2': 'satisfied',
  '3': 'delighted',
}

/** +1 / 0 / -1: used only to derive an overall level where the survey did not ask for one. */
export const LEVEL_SCORE: Record<SatisfactionLevel, number> = { delighted: 1, satisfied: 0, disappointed: -1 }

/**
 * The level from an expectation and a perception, both 1-5: the gap is perception - expectation; a gap at
 * or above +threshold is delighted, at or below -threshold disappointed, anything between satisfied.
 * threshold is a whole number from 1 to 4 (the survey's gap_threshold).
 */
export function levelFromGap(expectation: number, perception: number, threshold: number): SatisfactionLevel {
  for (const [name, v] of [
    ['expectation', expectation],
    ['perception', perception],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 5)
      throw new RangeError(`${name} must be a whole number 1-5, not ${v}`)
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 4) {
    throw new RangeError(`the gap threshold must be a whole number 1-4, not ${threshold}`)
  }
  const gap = perception - expectation
  return gap >= threshold ? 'delighted' : gap <= -threshold ? 'disappointed' : 'satisfied'
}

const WRITTEN: Record<string, SatisfactionLevel> = {
  ประทับใจ: 'delighted',
  พอใจ: 'satisfied',
  ผิดหวัง: 'disappointed',
  delighted: 'delighted',
  satisfied: 'satisfied',
  disappointed: 'disappointed',
  '3': 'delighted',
  '2': 'satisfied',
  '1': 'disappointed',
}

/**
 * A level as a form export writes it: the Thai or English word (a Google Forms choice may add words after
 * it, e.g. 'ประทับใจ (ดีกว่าที่คาด)'), or 1/2/3. Empty is null (not answered); anything else is undefined.
 */
export function parseLevel(raw: string): SatisfactionLevel | null | undefined {
  const value = raw.trim().toLowerCase()
  if (value === '') return null
  const exact = WRITTEN[value]
  if (exact) return exact
  const first = value.split(/[\s(/:-]/)[0] ?? ''
  return WRITTEN[first]
}

/** The overall level a response implies when the survey did not ask the overall question (see README). */
export function derivedOverall(levels: readonly SatisfactionLevel[]): SatisfactionLevel | null {
  if (levels.length === 0) return null
  const mean = levels.reduce((s, l) => s + LEVEL_SCORE[l], 0) / levels.length
  return mean >= 1 / 3 ? 'delighted' : mean <= -1 / 3 ? 'disappointed' : 'satisfied'
}
