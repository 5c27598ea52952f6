import { describe, expect, it } from 'vitest'
import { derivedOverall, levelFromGap, parseLevel } from '../../src/main/surveys/levels'
import { priority, rankPriorities, shares } from '../../src/main/surveys/stats'
import { topWords } from '../../src/main/surveys/words'

describe('level from the expectation/perception gap', () => {
  it('is delighted at or above +threshold, disappointed at or below -threshold, satisfied between', () => {
    expect(levelFromGap(3, 4, 1)).toBe('delighted')
    expect(levelFromGap(3, 3, 1)).toBe('satisfied')
    expect(levelFromGap(4, 3, 1)).toBe('disappointed')
    expect(levelFromGap(3, 4, 2)).toBe('satisfied')
    expect(levelFromGap(4, 3, 2)).toBe('satisfied')
    expect(levelFromGap(2, 4, 2)).toBe('delighted')
    expect(levelFromGap(5, 3, 2)).toBe('disappointed')
    expect(levelFromGap(1, 5, 4)).toBe('delighted')
    expect(levelFromGap(5, 2, 4)).toBe('satisfied')
  })

  it('refuses scores outside 1-5 and thresholds outside 1-4', () => {
    expect(() => levelFromGap(0, 3, 1)).toThrow(/expectation/)
    expect(() => levelFromGap(3, 6, 1)).toThrow(/perception/)
    expect(() => levelFromGap(3, 3, 0)).toThrow(/threshold/)
    expect(() => levelFromGap(3, 3.5, 1)).toThrow(/perception/)
  })
})

describe('levels as files write them', () => {
  it('reads Thai, English and 1/2/3, and Google Forms choices with words after the level', () => {
    expect(parseLevel('ประทับใจ')).toBe('delighted')
    expect(parseLevel(' พอใจ ')).toBe('satisfied')
    expect(parseLevel('ผิดหวัง (แย่กว่าที่คาด)')).toBe('disappointed')
    expect(parseLevel('Delighted')).toBe('delighted')
    expect(parseLevel('1')).toBe('disappointed')
    expect(parseLevel('')).toBeNull()
    expect(parseLevel('ดีมาก')).toBeUndefined()
  })

  it('derives an overall level from the mean of the aspects', () => {
    expect(derivedOverall(['delighted', 'delighted', 'satisfied'])).toBe('delighted')
    expect(derivedOverall(['delighted', 'satisfied', 'satisfied'])).toBe('delighted') // mean 1/3
    expect(derivedOverall(['delighted', 'disappointed', 'satisfied'])).toBe('satisfied')
    expect(derivedOverall(['disappointed', 'satisfied', 'satisfied'])).toBe('disappointed')
    expect(derivedOverall([])).toBeNull()
  })
})

describe('shares, net delight and its interval (hand-computed)', () => {
  it('5 delighted, 3 satisfied, 2 disappointed', () => {
    const s = shares({ delighted: 5, satisfied: 3, disappointed: 2 })
    expect(s.n).toBe(10)
    expect(s.delighted).toBeCloseTo(0.5, 12)
    expect(s.satisfied).toBeCloseTo(0.3, 12)
    expect(s.disappointed).toBeCloseTo(0.2, 12)
    expect(s.netDelight).toBeCloseTo(0.3, 12)
    // Var = (0.5 + 0.2 - 0.3^2) / 10 = 0.061; half-width 1.959964 * sqrt(0.061) = 0.484073
    expect(s.low).toBeCloseTo(0.3 - 0.484073, 5)
    expect(s.high).toBeCloseTo(0.3 + 0.484073, 5)
    expect(s.small).toBe(true)
  })

  it('clips the interval to [-1, 1], flags small samples and has no figure without answers', () => {
    const all = shares({ delighted: 40, satisfied: 0, disappointed: 0 })
    expect(all.netDelight).toBe(1)
    expect(all.high).toBe(1)
    expect(all.low).toBe(1) // no variance when every answer is the same
    expect(all.small).toBe(false)
    expect(shares({ delighted: 0, satisfied: 0, disappointed: 0 })).toMatchObject({
      n: 0,
      netDelight: null,
      small: true,
    })
  })
})

describe('improvement priority (hand-computed)', () => {
  it('weights how often an aspect disappoints by its association with a disappointed overall answer', () => {
    // 10 answers: 4 disappointed, of which 3 with a disappointed overall; 6 not, of which 1.
    const p = priority({ both: 3, aspectOnly: 1, overallOnly: 1, neither: 5 })
    expect(p.disappointedShare).toBeCloseTo(0.4, 12)
    expect(p.association).toBeCloseTo(0.75 - 1 / 6, 12)
    expect(p.impact).toBeCloseTo(0.4 * (1 + 0.75 - 1 / 6), 12)
    // A negative association never lowers the weight below 1.
    expect(priority({ both: 0, aspectOnly: 2, overallOnly: 2, neither: 6 }).impact).toBeCloseTo(0.2, 12)
    expect(priority({ both: 0, aspectOnly: 0, overallOnly: 1, neither: 9 })).toMatchObject({
      association: null,
      impact: 0,
    })
  })

  it('ranks well-measured aspects before small samples', () => {
    const p = (impact: number) => ({ disappointedShare: impact, association: 0, impact })
    const ranks = rankPriorities([
      { key: 'tiny', n: 5, priority: p(0.9) },
      { key: 'big_low', n: 100, priority: p(0.1) },
      { key: 'big_high', n: 100, priority: p(0.3) },
    ])
    expect([...ranks]).toEqual([
      ['big_high', 1],
      ['big_low', 2],
      ['tiny', 3],
    ])
  })
})

describe('words of disappointed comments', () => {
  it('segments Thai, drops function words and keeps a negation with its word', () => {
    const words = topWords(['รอนานเกินไปค่ะ', 'โต๊ะไม่ค่อยสะอาด', 'รอนานมาก ไม่สะอาด', 'Too slow'])
    const counts = Object.fromEntries(words.map((w) => [w.word, w.count]))
    expect(counts['รอ']).toBe(2)
    expect(counts['นาน']).toBe(2)
    expect(counts['ไม่สะอาด']).toBe(2)
    expect(counts['slow']).toBe(1)
    expect(counts['ค่ะ']).toBeUndefined()
    expect(counts['มาก']).toBeUndefined()
    expect(words[0]?.count).toBe(2)
  })
})
