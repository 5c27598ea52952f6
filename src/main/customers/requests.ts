import type { Kysely } from 'kysely'
import type {
  ClosedSubjectRequestRow,
  SubjectRequestInput,
  SubjectRequestRow,
} from '../../shared/api/customers'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { liveCustomer } from './edit'
import { logSubjectRequest, refuseSubjectRequest } from './privacy'

// The PDPA request register: a data subject's request (access, correction, erasure, objection, ...) is
// logged with the day it arrived and is due 30 days later; the open ones are listed with the overdue marked;
// a request is fulfilled, or refused with its reason (logged, PDPA s.30).

export async function logRequest(db: Kysely<Database>, input: SubjectRequestInput): Promise<number> {
  await liveCustomer(db, input.customerId)
  const id = await logSubjectRequest(db, {
    customerId: input.customerId,
    kind: input.kind,
    receivedAt: input.receivedAt,
  })
  await db
    .updateTable('subject_requests')
    .set({ channel: input.channel ?? '', details: input.details ?? '', logged_by: input.loggedBy ?? '' })
    .where('id', '=', id)
    .execute()
  return id
}

/** The requests with their customer's name: the columns the open list and the closed history share. */
function requestsWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('subject_requests as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .select([
      'r.id',
      'r.customer_id',
      'c.name',
      'r.kind',
      'r.received_at',
      'r.due_date',
      'r.status',
      'r.channel',
      'r.details',
    ])
}

type SharedRow = Awaited<ReturnType<ReturnType<typeof requestsWithNames>['executeTakeFirstOrThrow']>>

/** The fields of a listed request that the open list and the closed history share. */
function sharedFields(r: SharedRow) {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.name,
    kind: r.kind,
    receivedAt: r.received_at,
    dueDate: r.due_date,
    channel: r.channel,
    details: r.details,
  }
}

/** Open requests first by due date, each marked overdue when its due date is before `today`. */
export async function openRequests(db: Kysely<Database>, today: string): Promise<SubjectRequestRow[]> {
  const rows = await requestsWithNames(db)
    .select('r.logged_by')
    .where('r.status', '=', 'open')
    .orderBy('r.due_date')
    .orderBy('r.id')
    .execute()
  return rows.map((r) => ({ ...sharedFields(r), overdue: r.due_date < today, loggedBy: r.logged_by }))
}

/** The closed requests, newest first: each with its outcome, who handled it and when, and a refusal's reason. */
export async function closedRequests(db: Kysely<Database>, limit = 200): Promise<ClosedSubjectRequestRow[]> {
  const rows = await requestsWithNames(db)
    .select(['r.refusal_reason', 'r.handled_at', 'r.handled_by'])
    .where('r.status', '!=', 'open')
    .orderBy('r.handled_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    ...sharedFields(r),
    outcome: r.status === 'refused' ? 'refused' : 'fulfilled',
    reason: r.refusal_reason,
    handledAt: r.handled_at ?? '',
    handledBy: r.handled_by,
  }))
}

/** Closes an open request: fulfilled, or refused with its reason. */
export async function closeRequest(
  db: Kysely<Database>,
  input: { requestId: number; outcome: 'fulfilled' | 'refused'; reason?: string; by: string },
  now: string,
): Promise<void> {
  if (input.outcome === 'refused') {
    await refuseSubjectRequest(db, input.requestId, input.reason ?? '', input.by, now)
    return
  }
  const r = await db
    .updateTable('subject_requests')
    .set({ status: 'fulfilled', handled_by: input.by, handled_at: now })
    .where('id', '=', input.requestId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (r.numUpdatedRows === 0n) throw new LukkhaError('not_found', `No open request ${input.requestId}.`)
}
