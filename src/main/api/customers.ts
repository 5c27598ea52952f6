import type { customersContract } from '../../shared/api/customers'
import { localTimestamp, localToday } from '../../shared/calendar'
import { recordConsent } from '../customers/consent'
import { findDuplicates } from '../customers/duplicates'
import { createCustomer, deleteCustomer, updateCustomer } from '../customers/edit'
import { exportCustomers } from '../customers/export-list'
import { customerFacets, filteredIds, listCustomers } from '../customers/list'
import { listMerges, mergeCustomers, undoMerge } from '../customers/merge'
import { eraseCustomer } from '../customers/erasure'
import { exportSubject } from '../customers/privacy'
import { closeRequest, logRequest, openRequests } from '../customers/requests'
import { customerProfile } from '../customers/profile'
import { searchCustomers } from '../customers/search'
import { tagCustomers } from '../customers/tags'
import { createTask, logInteraction, setTaskStatus, tasksDue } from '../customers/tasks'
import type { Handlers } from './handler'

export const customersHandlers: Handlers<typeof customersContract> = {
  customersList: (input, ctx) => listCustomers(ctx.db, input),
  customersSearch: async ({ text, limit }, ctx) => ({ hits: await searchCustomers(ctx.db, text, limit) }),
  customersFacets: (_input, ctx) => customerFacets(ctx.db),
  customerProfile: ({ customerId }, ctx) => customerProfile(ctx.db, customerId),
  customerCreate: async (input, ctx) => ({
    customerId: await createCustomer(ctx.db, input, localTimestamp(ctx.now())),
  }),
  customerUpdate: async ({ customerId, ...input }, ctx) => ({
    customerId: await updateCustomer(ctx.db, customerId, input, localTimestamp(ctx.now())),
  }),
  customerDelete: async ({ customerId }, ctx) => ({ deleted: await deleteCustomer(ctx.db, customerId) }),
  customersTag: async ({ tag, remove, customerIds, filter }, ctx) => ({
    changed: await tagCustomers(
      ctx.db,
      customerIds ?? (await filteredIds(ctx.db, filter ?? {})),
      tag,
      remove,
    ),
  }),
  customersExport: ({ filter, ...options }, ctx) =>
    exportCustomers(ctx.db, filter, { ...options, today: localToday(ctx.now()) }),
  interactionLog: (input, ctx) => logInteraction(ctx.db, input),
  taskCreate: async (input, ctx) => ({ taskId: await createTask(ctx.db, input) }),
  taskSetStatus: async ({ taskId, status }, ctx) => ({
    taskId: await setTaskStatus(ctx.db, taskId, status, localTimestamp(ctx.now())),
  }),
  tasksDue: ({ asOf }, ctx) => tasksDue(ctx.db, asOf),
  consentRecord: async (input, ctx) => ({
    consentId: await recordConsent(ctx.db, input, localTimestamp(ctx.now())),
  }),
  customersDuplicates: async (input, ctx) => ({ duplicates: await findDuplicates(ctx.db, input?.limit) }),
  customersMerge: async ({ keepId, otherId }, ctx) => ({
    mergeId: await mergeCustomers(ctx.db, keepId, otherId, localTimestamp(ctx.now())),
  }),
  customersMergeUndo: async ({ mergeId }, ctx) => ({
    customerId: await undoMerge(ctx.db, mergeId, localTimestamp(ctx.now())),
  }),
  customersMerges: async (_input, ctx) => ({ merges: await listMerges(ctx.db) }),
  customerSubjectExport: async ({ customerId, format }, ctx) => {
    const file = await exportSubject(ctx.db, customerId, format, localTimestamp(ctx.now()))
    return { fileName: file.fileName, base64: file.bytes.toString('base64') }
  },
  subjectRequestLog: async (input, ctx) => ({ requestId: await logRequest(ctx.db, input) }),
  subjectRequestsOpen: async ({ today }, ctx) => ({ requests: await openRequests(ctx.db, today) }),
  subjectRequestClose: async (input, ctx) => {
    await closeRequest(ctx.db, input, localTimestamp(ctx.now()))
    return { requestId: input.requestId }
  },
  customerErase: ({ customerId, erasedBy }, ctx) =>
    eraseCustomer(ctx.db, customerId, erasedBy, localTimestamp(ctx.now())),
}
