import { describe, expect, it } from 'vitest'
import { quintileScores, rankCounts, valueTiers } from '../../src/main/analysis/rfm'
import { seededRandom } from '../helpers/random'

// Issue 17: RFM scoring ranks each column with one sort (whole numbers packed with their index and sorted
// natively; anything else by comparator). Both ways must give the counts of strictly smaller and strictly
// larger values that the tie rule is defined by.

function bruteForce(values: number[]): { below: number[]; above: number[] } {
  return {
    below: values.map((v) => values.filter((w) => w < v).length),
    above: values.map((v) => values.filter((w) => w > v).length),
  }
}

describe('rank counts', () => {
  const random = seededRandom(99)
  const cases: [string, number[]][] = [
    ['small whole numbers with many ties', Array.from({ length: 700 }, () => Math.floor(random() * 12))],
    ['negative and large satang', Array.from({ length: 700 }, () => Math.round((random() - 0.3) * 5e9))],
    ['fractions (comparator path)', Array.from({ length: 700 }, () => Math.round(random() * 50) / 4)],
    ['a range too wide to pack', Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 2 ** 52 : i % 7))],
    ['one value', [5]],
    ['empty', []],
  ]
  for (const [name, values] of cases) {
    it(`equal the brute-force counts: ${name}`, () => {
      const { below, above } = rankCounts(values)
      const want = bruteForce(values)
      expect([...below]).toEqual(want.below)
      expect([...above]).toEqual(want.above)
    })
  }

  it('keep the quintile and tier rules', () => {
    const spend = Array.from({ length: 1000 }, () => Math.floor(random() * 300) * 100)
    const { below, above } = bruteForce(spend)
    expect([...quintileScores(spend, true)]).toEqual(below.map((w) => 1 + Math.floor((5 * w) / 1000)))
    expect([...quintileScores(spend, false)]).toEqual(above.map((w) => 1 + Math.floor((5 * w) / 1000)))
    const tiers = valueTiers(spend)
    above.forEach((better, i) => {
      const share = better / 1000
      const want =
        share < 0.01
          ? 'top_1'
          : share < 0.05
            ? 'top_5'
            : share < 0.2
              ? 'top_20'
              : share < 0.5
                ? 'top_50'
                : 'rest'
      expect(tiers[i]).toBe(want)
    })
  })
})
