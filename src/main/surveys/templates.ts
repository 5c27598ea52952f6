import type { Kysely } from 'kysely'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import type { Database } from '../db/schema'
import type { SurveyTemplate, SurveyTemplateInput } from '../../shared/api/surveys'

type Db = Kysely<Database>

/** The default Thai retail aspect set, in order (issue 12). */
export const DEFAULT_ASPECTS = [
  { key: 'product_quality', labelTh: 'คุณภาพสินค้า', labelEn: 'Product quality' },
  { key: 'price_value', labelTh: 'ราคาและความคุ้มค่า', labelEn: 'Price and value' },
  { key: 'staff_service', labelTh: 'การบริการของพนักงาน', labelEn: 'Staff service' },
  { key: 'speed', labelTh: 'ความรวดเร็ว', labelEn: 'Speed' },
  { key: 'cleanliness', labelTh: 'ความสะอาดและบรรยากาศ', labelEn: 'Cleanliness and atmosphere' },
  { key: 'availability', labelTh: 'มีสินค้าให้เลือกครบ', labelEn: 'Product availability' },
  { key: 'after_sales', labelTh: 'การดูแลหลังการขาย', labelEn: 'After-sales care' },
] as const

export const DEFAULT_SURVEY_NAME = 'ความพึงพอใจหลังการซื้อ'

/** An aspect's key: the stored one, else its English label in snake_case (aspects written before keys). */
export function aspectKey(a: { id: number; key: string | null; label_en: string }): string {
  if (a.key) return a.key
  const slug = a.label_en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  return slug || `aspect_${a.id}`
}

export async function getSurvey(db: Db, surveyId: number): Promise<SurveyTemplate> {
  const survey = await db.selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirst()
  if (!survey) throw new LukkhaError('not_found', `There is no survey #${surveyId}.`)
  const aspects = await db
    .selectFrom('survey_aspects')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute()
  return {
    id: survey.id,
    name: survey.name,
    status: survey.status,
    overallTh: survey.overall_th,
    overallEn: survey.overall_en,
    asksComment: survey.asks_comment === 1,
    gapThreshold: survey.gap_threshold,
    aspects: aspects.map((a) => ({
      id: a.id,
      key: aspectKey(a),
      labelTh: a.label_th,
      labelEn: a.label_en,
      asksGap: a.asks_gap === 1,
    })),
  }
}

/** The newest active survey, or null when there is none (read-only: the CLI opens the database read-only). */
export async function findCurrentSurvey(db: Db): Promise<SurveyTemplate | null> {
  const found = await db
    .selectFrom('surveys')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return found ? getSurvey(db, found.id) : null
}

/** The default template as it would be stored, before it is (id 0): what an empty database analyses. */
export function unsavedDefaultSurvey(): SurveyTemplate {
  return {
    id: 0,
    name: DEFAULT_SURVEY_NAME,
    status: 'active',
    overallTh: 'โดยรวมแล้ว การซื้อครั้งนี้เป็นอย่างไร',
    overallEn: 'Overall, how was this purchase?',
    asksComment: true,
    gapThreshold: 1,
    aspects: DEFAULT_ASPECTS.map((a, i) => ({ id: -(i + 1), ...a, asksGap: false })),
  }
}

/** The survey the shop uses now: the newest active one; a default one is made when there is none. */
export async function currentSurvey(db: Db): Promise<SurveyTemplate> {
  const found = await findCurrentSurvey(db)
  if (found) return found
  const id = await writeTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('surveys')
      .values({ name: DEFAULT_SURVEY_NAME, status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('survey_aspects')
      .values(
        DEFAULT_ASPECTS.map((a, i) => ({
          survey_id: id,
          position: i + 1,
          key: a.key,
          label_th: a.labelTh,
          label_en: a.labelEn,
        })),
      )
      .execute()
    return id
  })
  return getSurvey(db, id)
}

/**
 * Saves the edited template: names, the overall question, the gap threshold and the aspects in the order given.
 * Aspects left out are removed, unless they already have answers (the analysis would lose them).
 */
export async function saveSurvey(db: Db, input: SurveyTemplateInput): Promise<SurveyTemplate> {
  const keys = input.aspects.map((a) => a.key)
  const twice = keys.find((k, i) => keys.indexOf(k) !== i)
  if (twice) throw new LukkhaError('validation', `Two aspects have the key "${twice}"; each needs its own.`)
  await writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('survey_aspects')
      .select(['id', 'key', 'label_en'])
      .where('survey_id', '=', input.id)
      .execute()
    if (
      existing.length === 0 &&
      !(await trx.selectFrom('surveys').select('id').where('id', '=', input.id).executeTakeFirst())
    ) {
      throw new LukkhaError('not_found', `There is no survey #${input.id}.`)
    }
    const kept = new Set(input.aspects.flatMap((a) => (a.id === undefined ? [] : [a.id])))
    for (const a of input.aspects) {
      if (a.id !== undefined && !existing.some((e) => e.id === a.id)) {
        throw new LukkhaError('validation', `Aspect #${a.id} is not part of survey #${input.id}.`)
      }
    }
    const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id)
    if (removed.length) {
      const answered = await trx
        .selectFrom('survey_answers')
        .select('aspect_id')
        .where('aspect_id', 'in', removed)
        .limit(1)
        .executeTakeFirst()
      if (answered) {
        const e = existing.find((x) => x.id === answered.aspect_id)
        throw new LukkhaError(
          'validation',
          `The aspect "${e ? aspectKey(e) : answered.aspect_id}" already has answers and cannot be removed.`,
        )
      }
      await trx.deleteFrom('survey_aspects').where('id', 'in', removed).execute()
    }
    await trx
      .updateTable('surveys')
      .set({
        name: input.name,
        overall_th: input.overallTh,
        overall_en: input.overallEn,
        asks_comment: input.asksComment ? 1 : 0,
        gap_threshold: input.gapThreshold,
      })
      .where('id', '=', input.id)
      .execute()
    // Positions are unique per survey: move the kept ones out of the way before writing the new order.
    await trx
      .updateTable('survey_aspects')
      .set((eb) => ({ position: eb.neg(eb.ref('id')) }))
      .where('survey_id', '=', input.id)
      .execute()
    for (const [i, a] of input.aspects.entries()) {
      const values = {
        position: i + 1,
        key: a.key,
        label_th: a.labelTh,
        label_en: a.labelEn,
        asks_gap: a.asksGap ? 1 : 0,
      }
      if (a.id === undefined)
        await trx
          .insertInto('survey_aspects')
          .values({ survey_id: input.id, ...values })
          .execute()
      else await trx.updateTable('survey_aspects').set(values).where('id', '=', a.id).execute()
    }
  })
  return getSurvey(db, input.id)
}
