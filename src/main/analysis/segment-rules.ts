import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import type { SegmentRule, SegmentRules } from '../../shared/api/analysis'

// The RFM segment map: which segment each cell of the 5 x 5 grid of R and FM = round((F + M) / 2) belongs to,
// with a name and a recommended action in Thai and English. The default is the common 11-segment grid; the
// user may edit names, actions and cells, or add segments, as long as every cell belongs to exactly one.
// A segment may also need a lowest F score (minF): the segments that mean repeat buying (champions, loyal,
// potential loyalist, need attention, at risk, can't lose them) need F >= 2, so a one-time buyer who spent a
// lot (R 5, F 1, M 5 -> FM 3) is "new", not "loyal". A customer below a segment's minF is placed in the
// segment of cell (R, FM 1), by recency alone; the segments of those five cells must therefore need F 1.

type Db = Kysely<Database> | Transaction<Database>

/** F >= 2 means two or more receipts: a one-time buyer always has the lowest frequency, so F 1. */
const REPEAT_BUYING = 2

const cells = (...pairs: [number, number][]): SegmentRule['cells'] => pairs.map(([r, fm]) => ({ r, fm }))

export const DEFAULT_SEGMENT_RULES: SegmentRules = {
  segments: [
    {
      id: 'champions',
      nameTh: 'ลูกค้าชั้นยอด',
      nameEn: 'Champions',
      actionTh: 'ให้รางวัลและสิทธิพิเศษ เชิญลองสินค้าใหม่ก่อนใคร และขอให้ช่วยรีวิวหรือแนะนำร้านต่อ',
      actionEn: 'Reward them: early access to new products, and ask for reviews and referrals.',
      cells: cells([5, 5], [5, 4], [4, 5]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'loyal',
      nameTh: 'ลูกค้าประจำ',
      nameEn: 'Loyal',
      actionTh: 'เสนอสินค้าที่มูลค่าสูงขึ้น ชวนเข้าโปรแกรมสมาชิกหรือสะสมแต้ม และขอรีวิว',
      actionEn:
        'Offer higher-value products, invite them to a membership or points programme, ask for reviews.',
      cells: cells([5, 3], [4, 4], [3, 5], [3, 4]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'potential_loyalist',
      nameTh: 'ว่าที่ลูกค้าประจำ',
      nameEn: 'Potential loyalist',
      actionTh: 'ชวนสมัครสมาชิกหรือสะสมแต้ม และแนะนำสินค้าที่เกี่ยวข้องเพื่อให้ซื้อเป็นประจำ',
      actionEn: 'Offer membership or points and recommend related products to build the habit.',
      cells: cells([5, 2], [4, 2], [3, 3], [4, 3]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'new',
      nameTh: 'ลูกค้าใหม่',
      nameEn: 'New',
      actionTh: 'ต้อนรับและแนะนำร้าน ให้เหตุผลที่จะกลับมาซื้อครั้งที่สองเร็ว ๆ เช่น ส่วนลดครั้งถัดไป',
      actionEn: 'Welcome them and give a reason to come back soon, such as an offer on the next visit.',
      cells: cells([5, 1]),
    },
    {
      id: 'promising',
      nameTh: 'มีแวว',
      nameEn: 'Promising',
      actionTh: 'แนะนำสินค้าอื่น ๆ ของร้าน และให้สิทธิพิเศษเล็ก ๆ เพื่อให้กลับมาซื้ออีก',
      actionEn: 'Show what else the shop offers and give a small incentive to buy again.',
      cells: cells([4, 1], [3, 1]),
    },
    {
      id: 'need_attention',
      nameTh: 'ต้องใส่ใจ',
      nameEn: 'Need attention',
      actionTh: 'เสนอโปรโมชันจำกัดเวลาตามสินค้าที่เคยซื้อ กระตุ้นก่อนที่จะห่างหายไป',
      actionEn: 'Make a limited-time offer based on what they bought before, before they drift away.',
      cells: cells([3, 2], [2, 3], [2, 2]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'about_to_sleep',
      nameTh: 'เริ่มห่างหาย',
      nameEn: 'About to sleep',
      actionTh: 'แนะนำสินค้ายอดนิยมพร้อมส่วนลด และติดต่อกลับก่อนที่จะเสียลูกค้าไป',
      actionEn: 'Share popular products with a discount and get back in touch before they are lost.',
      cells: cells([2, 1]),
    },
    {
      id: 'at_risk',
      nameTh: 'เสี่ยงหาย',
      nameEn: 'At risk',
      actionTh: 'ส่งข้อความถึงเป็นรายบุคคล เสนอข้อเสนอที่ดี และถามว่ามีอะไรที่ไม่พอใจหรือไม่',
      actionEn: 'Send a personal message with a good offer, and ask whether something disappointed them.',
      cells: cells([2, 5], [2, 4], [1, 3]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'cant_lose_them',
      nameTh: 'ห้ามเสีย',
      nameEn: "Can't lose them",
      actionTh: 'เจ้าของร้านติดต่อเองพร้อมข้อเสนอที่ดีที่สุด เพื่อดึงกลับมาก่อนจะเสียให้คู่แข่ง',
      actionEn: 'Contact them personally with your best offer and win them back before a competitor does.',
      cells: cells([1, 5], [1, 4]),
      minF: REPEAT_BUYING,
    },
    {
      id: 'hibernating',
      nameTh: 'จำศีล',
      nameEn: 'Hibernating',
      actionTh: 'เสนอสินค้าอื่นที่เกี่ยวข้องและส่วนลดพิเศษ เพื่อสร้างความสนใจต่อร้านขึ้นใหม่',
      actionEn: 'Offer other relevant products and special discounts to rekindle interest in the shop.',
      cells: cells([1, 2]),
    },
    {
      id: 'lost',
      nameTh: 'หายไปแล้ว',
      nameEn: 'Lost',
      actionTh: 'ลองติดต่อด้วยแคมเปญหนึ่งครั้ง หากไม่ตอบรับก็ไม่ควรลงทุนเพิ่ม',
      actionEn: 'Try one campaign to reach them; if they do not respond, spend no more on them.',
      cells: cells([1, 1]),
    },
  ],
}

/**
 * The segment of each grid cell: cells[(r - 1) * 5 + (fm - 1)] -> position in rules.segments; minF[segment]
 * the lowest F score that segment takes.
 */
export interface CellLookup {
  cells: Int8Array
  minF: Uint8Array
}

/** The segment of a customer with scores (R, F, FM): the cell's, or (R, FM 1)'s when F is below its minF. */
export function segmentOf(lookup: CellLookup, r: number, f: number, fm: number): number {
  const at = lookup.cells[(r - 1) * 5 + (fm - 1)] ?? -1
  if (at >= 0 && f >= (lookup.minF[at] ?? 1)) return at
  return lookup.cells[(r - 1) * 5] ?? -1
}

/**
 * Checks a segment map and returns its cell lookup. Every one of the 25 (R, FM) cells must belong to exactly
 * one segment, ids must be unique, and every segment needs at least one cell (an empty one could never
 * have customers). The error names every problem at once so the user can fix them in one go.
 */
export function validateSegmentRules(rules: SegmentRules): CellLookup {
  const problems: string[] = []
  const lookup = new Int8Array(25).fill(-1)
  const minF = new Uint8Array(rules.segments.length)
  const seen = new Set<string>()
  rules.segments.forEach((segment, index) => {
    minF[index] = segment.minF ?? 1
    if (seen.has(segment.id)) problems.push(`segment id "${segment.id}" is used twice`)
    seen.add(segment.id)
    if (segment.cells.length === 0) problems.push(`segment "${segment.id}" has no cells`)
    for (const { r, fm } of segment.cells) {
      if (!(Number.isInteger(r) && Number.isInteger(fm) && r >= 1 && r <= 5 && fm >= 1 && fm <= 5)) {
        problems.push(`segment "${segment.id}" has a cell outside the grid: (${r}, ${fm})`)
        continue
      }
      const at = (r - 1) * 5 + (fm - 1)
      const owner = lookup[at] ?? -1
      if (owner !== -1) {
        const other = rules.segments[owner]?.id ?? '?'
        problems.push(`cell (R ${r}, FM ${fm}) is in both "${other}" and "${segment.id}"`)
      } else {
        lookup[at] = index
      }
    }
  })
  for (let at = 0; at < 25; at++) {
    if (lookup[at] === -1)
      problems.push(`cell (R ${Math.floor(at / 5) + 1}, FM ${(at % 5) + 1}) has no segment`)
  }
  for (let r = 1; r <= 5; r++) {
    const owner = lookup[(r - 1) * 5] ?? -1
    if (owner >= 0 && (minF[owner] ?? 1) > 1) {
      problems.push(
        `cell (R ${r}, FM 1) is in "${rules.segments[owner]?.id ?? '?'}", which needs F >= ${minF[owner]}, but the customers of that cell have F 1 (and it takes those who fall short of another segment's F)`,
      )
    }
  }
  if (problems.length > 0) {
    throw new LukkhaError('bad_input', `The segment map is not valid: ${problems.join('; ')}.`, { problems })
  }
  return { cells: lookup, minF }
}

/** FM = round((F + M) / 2), halves rounded up (4.5 -> 5), as the common RFM grid has it. */
export function combinedFm(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2)
}

/** The stored map, or the default when none is stored. */
export async function loadSegmentRules(db: Db): Promise<{ rules: SegmentRules; isDefault: boolean }> {
  const rows = await db.selectFrom('segments').selectAll().orderBy('position').execute()
  if (rows.length === 0) return { rules: DEFAULT_SEGMENT_RULES, isDefault: true }
  const cellRows = await db.selectFrom('segment_cells').selectAll().orderBy('r').orderBy('fm').execute()
  const rules: SegmentRules = {
    segments: rows.map((row) => ({
      id: row.id,
      nameTh: row.name_th,
      nameEn: row.name_en,
      actionTh: row.action_th,
      actionEn: row.action_en,
      ...(row.min_f > 1 ? { minF: row.min_f } : {}),
      cells: cellRows.filter((c) => c.segment_id === row.id).map((c) => ({ r: c.r, fm: c.fm })),
    })),
  }
  return { rules, isDefault: false }
}

/** Validates and stores a map, replacing the previous one in one transaction. */
export async function saveSegmentRules(db: Kysely<Database>, rules: SegmentRules): Promise<void> {
  validateSegmentRules(rules)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('segment_cells').execute()
    await trx.deleteFrom('segments').execute()
    await trx
      .insertInto('segments')
      .values(
        rules.segments.map((s, position) => ({
          id: s.id,
          position,
          name_th: s.nameTh,
          name_en: s.nameEn,
          action_th: s.actionTh,
          action_en: s.actionEn,
          min_f: s.minF ?? 1,
        })),
      )
      .execute()
    await trx
      .insertInto('segment_cells')
      .values(rules.segments.flatMap((s) => s.cells.map(({ r, fm }) => ({ r, fm, segment_id: s.id }))))
      .execute()
  })
}

/** Goes back to the built-in default map. */
export async function resetSegmentRules(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('segment_cells').execute()
    await trx.deleteFrom('segments').execute()
  })
}
