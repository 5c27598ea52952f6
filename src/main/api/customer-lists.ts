import type { customerListsContract } from '../../shared/api/customer-lists'
import { exportCustomerList } from '../analysis/list-export'
import type { Handlers } from './handler'

export const customerListsHandlers: Handlers<typeof customerListsContract> = {
  exportCustomerList: (input, ctx) => exportCustomerList(ctx.db, input),
}
