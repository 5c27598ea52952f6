import { sql, type Kysely } from 'kysely'
import type { Purchase, ResponseInput, SurveyTemplate } from '../../shared/api/surveys'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import type { Database, SatisfactionLevel } from '../db/schema'
import { normalizePhone } from '../import/normalize/contacts'
import { createFollowUp } from './followups'
import { levelFromGap } from './levels'
import { getSurvey } from './templates'

type Db = Kysely<Database>

/**
 * Purchases the counter may mean by what was typed: a receipt number (exact, or the end of one: staff type
 * the last digits), or a customer's phone number (their latest receipts, or the customer alone).
 */
export async function findPurchase(db: Db, query: string): Promise<Purchase[]> {
  const text = query.trim()
  const base = db
    .selectFrom('receipts as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('stores as s', 's.id', 'r.store_id')
    .select([
      'r.id as receiptId',
      'r.receipt_number as receiptNumber',
      'r.occurred_at as occurredAt',
      'r.net_satang as netSatang',
      'r.store_id as storeId',
      's.name as storeName',
      'r.staff',
      'r.customer_id as customerId',
      'c.name as customerName',
      'c.phone',
      'c.line_id as lineId',
    ])
    .where('r.kind', '=', 'sale')
  const byReceipt = await base
    .where((eb) =>
      eb.or([
        eb('r.receipt_number', '=', text),
        eb('r.receipt_number', 'like', `%${text.replace(/[%_]/g, '')}`),
      ]),
    )
    .orderBy(sql`r.receipt_number = ${text}`, 'desc')
    .orderBy('r.occurred_at', 'desc')
    .limit(8)
    .execute()
  const phone = /\d{6,}/.test(text.replace(/\D/g, '')) ? normalizePhone(text) : null
  if (!phone) return byReceipt
  const customers = await db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.phone', 'c.line_id'])
    .where((eb) =>
      eb.or([
        eb('c.phone', '=', phone),
        eb.exists(
          eb
            .selectFrom('customer_aliases as a')
            .select('a.id')
            .whereRef('a.customer_id', '=', 'c.id')
            .where('a.kind', '=', 'phone')
            .where('a.value', '=', phone),
        ),
      ]),
    )
    .limit(5)
    .execute()
  const out: Purchase[] = [...byReceipt]
  for (const c of customers) {
    const receipts = await base
      .where('r.customer_id', '=', c.id)
      .orderBy('r.occurred_at', 'desc')
      .limit(3)
      .execute()
    if (receipts.length) out.push(...receipts.filter((r) => !out.some((o) => o.receiptId === r.receiptId)))
    else
      out.push({
        receiptId: null,
        receiptNumber: null,
        occurredAt: null,
        netSatang: null,
        storeId: null,
        storeName: null,
        staff: null,
        customerId: c.id,
        customerName: c.name,
        phone: c.phone,
        lineId: c.line_id,
      })
  }
  return out
}

/** The level of each answer: given, or from the expectation/perception gap. */
export function answerLevels(
  survey: SurveyTemplate,
  answers: ResponseInput['answers'],
): { aspectId: number; level: SatisfactionLevel; expectation: number | null; perception: number | null }[] {
  const seen = new Set<number>()
  return answers.map((a) => {
    const aspect = survey.aspects.find((x) => x.id === a.aspectId)
    if (!aspect)
      throw new LukkhaError('validation', `Aspect #${a.aspectId} is not part of survey "${survey.name}".`)
    if (seen.has(a.aspectId)) throw new LukkhaError('validation', `Aspect "${aspect.key}" is answered twice.`)
    seen.add(a.aspectId)
    if ('level' in a) return { aspectId: a.aspectId, level: a.level, expectation: null, perception: null }
    return {
      aspectId: a.aspectId,
      level: levelFromGap(a.expectation, a.perception, survey.gapThreshold),
      expectation: a.expectation,
      perception: a.perception,
    }
  })
}

/** A response is disappointed when its overall answer or any aspect is: each such needs service recovery. */
export const isDisappointed = (
  overall: SatisfactionLevel | null,
  levels: readonly SatisfactionLevel[],
): boolean => overall === 'disappointed' || levels.includes('disappointed')

/**
 * Stores one response inside the caller's transaction, and the follow-up task when it is disappointed and the
 * customer is known. A receipt fills in the customer, store and staff the input left empty.
 */
export async function insertResponse(
  trx: Db,
  survey: SurveyTemplate,
  input: ResponseInput,
  /** An imported response's identity (identity.ts); null when recorded in the app. */
  sourceKey: string | null = null,
): Promise<{ responseId: number; followUpTaskId: number | null }> {
  const levels = answerLevels(survey, input.answers)
  let { customerId, storeId, staff } = input
  if (input.receiptId !== null) {
    const receipt = await trx
      .selectFrom('receipts')
      .select(['customer_id', 'store_id', 'staff'])
      .where('id', '=', input.receiptId)
      .executeTakeFirst()
    if (!receipt) throw new LukkhaError('not_found', `There is no receipt #${input.receiptId}.`)
    customerId ??= receipt.customer_id
    storeId ??= receipt.store_id
    staff ??= receipt.staff
  }
  const { id } = await trx
    .insertInto('survey_responses')
    .values({
      survey_id: survey.id,
      customer_id: customerId,
      receipt_id: input.receiptId,
      store_id: storeId,
      staff: staff || null,
      responded_at: input.respondedAt,
      comment: survey.asksComment ? input.comment.trim() : '',
      channel: input.channel,
      overall_level: input.overall,
      source_key: sourceKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('survey_answers')
    .values(
      levels.map((l) => ({
        response_id: id,
        aspect_id: l.aspectId,
        level: l.level,
        expectation: l.expectation,
        perception: l.perception,
      })),
    )
    .execute()
  const followUpTaskId =
    customerId !== null &&
    isDisappointed(
      input.overall,
      levels.map((l) => l.level),
    )
      ? await createFollowUp(trx, { id, customerId, respondedAt: input.respondedAt })
      : null
  return { responseId: id, followUpTaskId }
}

export async function recordResponse(
  db: Db,
  input: ResponseInput,
): Promise<{ responseId: number; followUpTaskId: number | null }> {
  const survey = await getSurvey(db, input.surveyId)
  return writeTransaction(db, (trx) => insertResponse(trx, survey, input))
}
