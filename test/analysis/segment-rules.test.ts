import { describe, expect, it } from 'vitest'
import { scoreRfm, type RfmRow } from '../../src/main/analysis/rfm'
import {
  combinedFm,
  DEFAULT_SEGMENT_RULES,
  loadSegmentRules,
  saveSegmentRules,
  validateSegmentRules,
} from '../../src/main/analysis/segment-rules'
import { defaultSegmentIds, type SegmentRules } from '../../src/shared/api/analysis'
import { testContext } from '../helpers/db'
import { seededRandom } from '../helpers/random'

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

describe('segments that mean repeat buying', () => {
  const REPEAT = ['champions', 'loyal', 'potential_loyalist', 'need_attention', 'at_risk', 'cant_lose_them']

  it('need F >= 2 in the default map, and no FM 1 cell belongs to one of them', () => {
    for (const s of DEFAULT_SEGMENT_RULES.segments) {
      expect(s.minF ?? 1, s.id).toBe(REPEAT.includes(s.id) ? 2 : 1)
      if (REPEAT.includes(s.id)) expect(s.cells.some((c) => c.fm === 1)).toBe(false)
    }
  })

  it('a one-time buyer is never loyal or champion by default, however recent and big their purchase', () => {
    const lookup = validateSegmentRules(DEFAULT_SEGMENT_RULES)
    const random = seededRandom(10)
    const rows: RfmRow[] = Array.from({ length: 2000 }, (_, i) => {
      const frequency = random() < 0.4 ? 1 : 2 + Math.floor(random() * 12)
      return {
        customerId: i + 1,
        recencyDays: Math.floor(random() * 400),
        frequency,
        monetarySatang: Math.round(frequency * 10_000 * (0.2 + random() * 3)),
        lastSale: '2026-01-01',
      }
    })
    // the case of the issue: bought once, yesterday, more than anybody else
    rows.push({
      customerId: 9999,
      recencyDays: 0,
      frequency: 1,
      monetarySatang: 99_000_000,
      lastSale: '2026-01-01',
    })
    const scores = scoreRfm(rows, lookup)
    const ids = DEFAULT_SEGMENT_RULES.segments.map((s) => s.id)
    const whale = scores.find((s) => s.customerId === 9999)
    expect(whale).toMatchObject({ r: 5, f: 1, m: 5, fm: 3 }) // cell (5, 3) is loyal's
    expect(ids[whale?.segmentIndex ?? -1]).toBe('new') // placed by recency alone: (R 5, FM 1)
    const once = scores.filter((s) => s.frequency === 1)
    expect(once.length).toBeGreaterThan(500)
    for (const s of once) {
      expect(s.f).toBe(1)
      expect(REPEAT).not.toContain(ids[s.segmentIndex])
    }
    // repeat buyers with F >= 2 still reach every repeat segment
    const reached = new Set(scores.filter((s) => s.f >= 2).map((s) => ids[s.segmentIndex]))
    for (const id of ['champions', 'loyal', 'at_risk', 'cant_lose_them']) expect(reached).toContain(id)
  })

  it('refuses a map whose FM 1 cell needs F >= 2 (nobody there could be placed)', () => {
    const rules = clone(DEFAULT_SEGMENT_RULES)
    const lost = rules.segments.find((s) => s.id === 'lost')
    if (lost) lost.minF = 2
    expect(() => validateSegmentRules(rules)).toThrow(/cell \(R 1, FM 1\) is in "lost", which needs F >= 2/)
  })

  it('stores and loads minF with the map', async () => {
    const ctx = await testContext()
    const rules = clone(DEFAULT_SEGMENT_RULES)
    const hibernating = rules.segments.find((s) => s.id === 'hibernating')
    if (hibernating) hibernating.minF = 3
    await saveSegmentRules(ctx.db, rules)
    const loaded = await loadSegmentRules(ctx.db)
    expect(loaded.isDefault).toBe(false)
    expect(loaded.rules.segments.map((s) => [s.id, s.minF ?? 1])).toEqual(
      rules.segments.map((s) => [s.id, s.minF ?? 1]),
    )
  })
})
