import { describe, expect, it } from 'vitest'
import {
  combinedFm,
  DEFAULT_SEGMENT_RULES,
  validateSegmentRules,
} from '../../src/main/analysis/segment-rules'
import { defaultSegmentIds, type SegmentRules } from '../../src/shared/api/analysis'

// The default map as DESIGN.md lists it, (R, FM) per segment
const DESIGN_MAP: Record<string, [number, number][]> = {
  champions: [
    [5, 5],
    [5, 4],
    [4, 5],
  ],
  loyal: [
    [5, 3],
    [4, 4],
    [3, 5],
    [3, 4],
  ],
  potential_loyalist: [
    [5, 2],
    [4, 2],
    [3, 3],
    [4, 3],
  ],
  new: [[5, 1]],
  promising: [
    [4, 1],
    [3, 1],
  ],
  need_attention: [
    [3, 2],
    [2, 3],
    [2, 2],
  ],
  about_to_sleep: [[2, 1]],
  at_risk: [
    [2, 5],
    [2, 4],
    [1, 3],
  ],
  cant_lose_them: [
    [1, 5],
    [1, 4],
  ],
  hibernating: [[1, 2]],
  lost: [[1, 1]],
}

function clone(rules: SegmentRules): SegmentRules {
  return structuredClone(rules)
}

describe('segment map', () => {
  it('has the 11 standard segments with the cells of DESIGN.md and texts in Thai and English', () => {
    expect(DEFAULT_SEGMENT_RULES.segments.map((s) => s.id)).toEqual([...defaultSegmentIds])
    for (const s of DEFAULT_SEGMENT_RULES.segments) {
      expect(s.cells.map(({ r, fm }) => [r, fm]).sort(), s.id).toEqual([...(DESIGN_MAP[s.id] ?? [])].sort())
      expect(s.nameTh).toMatch(/[\u0E00-\u0E7F]/)
      expect(s.actionTh).toMatch(/[\u0E00-\u0E7F]/)
      expect(s.actionEn.length).toBeGreaterThan(10)
    }
    expect(() => validateSegmentRules(DEFAULT_SEGMENT_RULES)).not.toThrow()
  })

  it('rounds FM halves up', () => {
    expect(combinedFm(4, 5)).toBe(5)
    expect(combinedFm(3, 4)).toBe(4)
    expect(combinedFm(1, 2)).toBe(2)
    expect(combinedFm(1, 1)).toBe(1)
    expect(combinedFm(5, 5)).toBe(5)
  })

  it('refuses a map with a cell in two segments or in none, naming the cells', () => {
    const rules = clone(DEFAULT_SEGMENT_RULES)
    const lost = rules.segments.find((s) => s.id === 'lost')
    const hibernating = rules.segments.find((s) => s.id === 'hibernating')
    if (!lost || !hibernating) throw new Error('default map changed')
    hibernating.cells.push({ r: 1, fm: 1 }) // (1,1) now in lost and hibernating
    expect(() => validateSegmentRules(rules)).toThrow(
      /cell \(R 1, FM 1\) is in both "hibernating" and "lost"/,
    )
    lost.cells = [{ r: 1, fm: 1 }]
    hibernating.cells = [{ r: 1, fm: 1 }]
    expect(() => validateSegmentRules(rules)).toThrow(/cell \(R 1, FM 2\) has no segment/)
  })

  it('refuses duplicate ids and segments without cells', () => {
    const rules = clone(DEFAULT_SEGMENT_RULES)
    const first = rules.segments[0]
    if (!first) throw new Error('empty default')
    rules.segments.push({ ...first, cells: [] })
    expect(() => validateSegmentRules(rules)).toThrow(/"champions" is used twice.*"champions" has no cells/)
  })
})
