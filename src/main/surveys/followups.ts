import type { Kysely } from 'kysely'
import { addDays, localTimestamp } from '../../shared/calendar'
import type { FollowUp } from '../../shared/api/surveys'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import type { Database, FollowUpOutcome } from '../db/schema'
import { createTask } from '../customers/tasks'
import { aspectKey } from './templates'

type Db = Kysely<Database>

/** Days from a disappointed answer to the follow-up's due date. */
export const FOLLOW_UP_DAYS = 2

/**
 * The follow-up of a disappointed response: one task for its customer, linked by survey_followups, whose
 * primary key (response_id) makes a second one impossible. Returns the existing task when there is one.
 */
export async function createFollowUp(
  trx: Db,
  response: { id: number; customerId: number; respondedAt: string },
): Promise<number> {
  const existing = await trx
    .selectFrom('survey_followups')
    .select('task_id')
    .where('response_id', '=', response.id)
    .executeTakeFirst()
  if (existing) return existing.task_id
  // The customers domain owns tasks: createTask is the one way to make one (source 'survey').
  const taskId = await createTask(trx, {
    customerId: response.customerId,
    title: `ติดตามลูกค้าที่ผิดหวัง (แบบสอบถาม #${response.id})`,
    dueDate: addDays(response.respondedAt.slice(0, 10), FOLLOW_UP_DAYS),
    source: 'survey',
  })
  await trx.insertInto('survey_followups').values({ response_id: response.id, task_id: taskId }).execute()
  return taskId
}

function baseQuery(db: Db) {
  return db
    .selectFrom('survey_followups as f')
    .innerJoin('tasks as t', 't.id', 'f.task_id')
    .innerJoin('survey_responses as r', 'r.id', 'f.response_id')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .select((eb) => [
      'f.response_id',
      'f.task_id',
      'f.outcome',
      'f.note',
      'f.closed_at',
      't.title',
      't.due_date',
      't.status',
      'r.customer_id',
      'r.responded_at',
      'r.comment',
      'c.name',
      'c.phone',
      'c.line_id',
      'c.email',
      eb
        .exists(
          eb
            .selectFrom('receipts as x')
            .select('x.id')
            .whereRef('x.customer_id', '=', 'r.customer_id')
            .where('x.kind', '=', 'sale')
            .whereRef('x.occurred_at', '>', 'f.closed_at'),
        )
        .as('bought_again'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

async function shape(db: Db, rows: Row[]): Promise<FollowUp[]> {
  const ids = rows.map((r) => r.response_id)
  const disappointed = ids.length
    ? await db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_aspects as s', 's.id', 'a.aspect_id')
        .select(['a.response_id', 's.id', 's.key', 's.label_en'])
        .where('a.response_id', 'in', ids)
        .where('a.level', '=', 'disappointed')
        .orderBy('s.position')
        .execute()
    : []
  return rows.map((r) => ({
    responseId: r.response_id,
    taskId: r.task_id,
    title: r.title,
    dueDate: r.due_date,
    status: r.status,
    customerId: r.customer_id,
    customerName: r.name,
    phone: r.phone,
    lineId: r.line_id,
    email: r.email,
    respondedAt: r.responded_at,
    comment: r.comment,
    disappointedAspects: disappointed.filter((d) => d.response_id === r.response_id).map(aspectKey),
    outcome: r.outcome,
    note: r.note,
    closedAt: r.closed_at,
    boughtAgainAfter: Boolean(r.bought_again),
  }))
}

export async function listFollowUps(db: Db, status: 'open' | 'closed' | 'all'): Promise<FollowUp[]> {
  let q = baseQuery(db)
  if (status === 'open') q = q.where('f.closed_at', 'is', null)
  if (status === 'closed') q = q.where('f.closed_at', 'is not', null)
  return shape(db, await q.orderBy('t.due_date').orderBy('f.response_id').limit(1000).execute())
}

/** Closes the follow-up: records the outcome and marks its task done, in one transaction. */
export async function closeFollowUp(
  db: Db,
  input: { responseId: number; outcome: FollowUpOutcome; note: string },
  now: Date,
): Promise<FollowUp> {
  const at = localTimestamp(now)
  await writeTransaction(db, async (trx) => {
    const f = await trx
      .selectFrom('survey_followups')
      .select(['task_id', 'closed_at'])
      .where('response_id', '=', input.responseId)
      .executeTakeFirst()
    if (!f) throw new LukkhaError('not_found', `Response #${input.responseId} has no follow-up.`)
    await trx
      .updateTable('survey_followups')
      .set({ outcome: input.outcome, note: input.note, closed_at: f.closed_at ?? at })
      .where('response_id', '=', input.responseId)
      .execute()
    await trx.updateTable('tasks').set({ status: 'done', done_at: at }).where('id', '=', f.task_id).execute()
  })
  const [item] = await shape(db, await baseQuery(db).where('f.response_id', '=', input.responseId).execute())
  if (!item) throw new LukkhaError('not_found', `Response #${input.responseId} has no follow-up.`)
  return item
}

/** The recovery rate: of the closed follow-ups, the share whose customer bought again after the follow-up. */
export async function recoveryRate(
  db: Db,
): Promise<{ open: number; closed: number; boughtAgain: number; rate: number | null }> {
  const rows = await baseQuery(db).execute()
  const closed = rows.filter((r) => r.closed_at !== null)
  const boughtAgain = closed.filter((r) => Boolean(r.bought_again)).length
  return {
    open: rows.length - closed.length,
    closed: closed.length,
    boughtAgain,
    rate: closed.length ? boughtAgain / closed.length : null,
  }
}

export async function followUpsWithRecovery(db: Db, status: 'open' | 'closed' | 'all') {
  return { items: await listFollowUps(db, status), recovery: await recoveryRate(db) }
}
