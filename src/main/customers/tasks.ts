import type { Kysely, Transaction } from 'kysely'
import type { InteractionInput, Task } from '../../shared/api/customers'
import type { Database, TaskStatus } from '../db/schema'
import { LukkhaError } from '../errors'
import { fieldError } from './edit'
import { liveCustomer } from './edit'

// Interactions (a visit, call, LINE chat, e-mail, SMS or letter, with direction, note and staff member) and
// follow-up tasks with due dates. createTask is the one way any domain makes a task (surveys make one for a
// disappointed response, with source 'survey').

type Db = Kysely<Database> | Transaction<Database>

export interface NewTask {
  customerId: number | null
  title: string
  /** YYYY-MM-DD, or null for no due date. */
  dueDate: string | null
  notes?: string
  /** Who made it: 'staff' (default) or the domain, e.g. 'survey'. */
  source?: string
  interactionId?: number | null
  /** Shop-local time 'YYYY-MM-DDTHH:MM:SS'; default: SQLite's clock. */
  now?: string
}

export async function createTask(db: Db, task: NewTask): Promise<number> {
  const title = task.title.trim()
  if (title === '') throw fieldError('title', 'title_missing', 'a task needs a title')
  if (task.customerId !== null) await liveCustomer(db, task.customerId)
  const row = await db
    .insertInto('tasks')
    .values({
      customer_id: task.customerId,
      title,
      due_date: task.dueDate,
      notes: task.notes ?? '',
      source: task.source ?? 'staff',
      interaction_id: task.interactionId ?? null,
      ...(task.now ? { created_at: task.now } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setTaskStatus(
  db: Db,
  taskId: number,
  status: TaskStatus,
  now: string,
): Promise<number> {
  const r = await db
    .updateTable('tasks')
    .set({ status, done_at: status === 'open' ? null : now })
    .where('id', '=', taskId)
    .executeTakeFirst()
  if (r.numUpdatedRows === 0n) throw new LukkhaError('not_found', `Task ${taskId} does not exist.`)
  return taskId
}

/** Logs an interaction and, when asked, its follow-up task, in one transaction. */
export async function logInteraction(
  db: Kysely<Database>,
  input: InteractionInput,
): Promise<{ interactionId: number; taskId: number | null }> {
  return db.transaction().execute(async (trx) => {
    await liveCustomer(trx, input.customerId)
    const occurredAt = input.occurredAt.length === 10 ? `${input.occurredAt}T00:00:00` : input.occurredAt
    const row = await trx
      .insertInto('interactions')
      .values({
        customer_id: input.customerId,
        channel: input.channel,
        direction: input.direction,
        occurred_at: occurredAt.length === 16 ? `${occurredAt}:00` : occurredAt,
        summary: input.summary,
        staff: input.staff,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const taskId = input.followUp
      ? await createTask(trx, {
          customerId: input.customerId,
          title: input.followUp.title,
          dueDate: input.followUp.dueDate,
          interactionId: row.id,
        })
      : null
    return { interactionId: row.id, taskId }
  })
}

function taskQuery(db: Db) {
  return db
    .selectFrom('tasks as k')
    .leftJoin('customers as c', 'c.id', 'k.customer_id')
    .select([
      'k.id',
      'k.customer_id',
      'c.name as customer_name',
      'k.title',
      'k.notes',
      'k.due_date',
      'k.status',
      'k.source',
      'k.created_at',
    ])
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number]

export function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    title: r.title,
    notes: r.notes,
    dueDate: r.due_date,
    status: r.status,
    source: r.source,
    createdAt: r.created_at,
  }
}

/** Open tasks due on asOf and open tasks due before it. */
export async function tasksDue(db: Db, asOf: string): Promise<{ today: Task[]; overdue: Task[] }> {
  const today = await taskQuery(db)
    .where('k.status', '=', 'open')
    .where('k.due_date', '=', asOf)
    .orderBy('k.id')
    .execute()
  const overdue = await taskQuery(db)
    .where('k.status', '=', 'open')
    .where('k.due_date', '<', asOf)
    .orderBy('k.due_date')
    .orderBy('k.id')
    .limit(200)
    .execute()
  return { today: today.map(toTask), overdue: overdue.map(toTask) }
}

export async function customerTasks(db: Db, customerId: number): Promise<Task[]> {
  const rows = await taskQuery(db)
    .where('k.customer_id', '=', customerId)
    .orderBy('k.status')
    .orderBy('k.due_date')
    .orderBy('k.id')
    .execute()
  return rows.map(toTask)
}
