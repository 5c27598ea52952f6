import type { productsContract } from '../../shared/api/products'
import { basketsJob } from '../baskets/job'
import { productsOverview } from '../baskets/overview'
import { basketRules, productBoughtTogether } from '../baskets/rules-page'
import { customerSuggestions } from '../baskets/suggestions'
import { basketTargetList, exportBasketTargetList, searchCustomers } from '../baskets/targets'
import type { Handlers } from './handler'

export const productsHandlers: Handlers<typeof productsContract> = {
  getProductsOverview: (input, ctx) => productsOverview(ctx.db, input ?? {}),
  getBasketRules: (input, ctx) => basketRules(ctx.db, input),
  startBasketRules: (input, ctx) => ({
    jobId: ctx.jobs.start(basketsJob, { connection: ctx.connection, params: input }),
  }),
  getBoughtTogether: (input, ctx) => productBoughtTogether(ctx.db, input.productId),
  getCustomerSuggestions: (input, ctx) => customerSuggestions(ctx.db, input.customerId, input.limit),
  searchSuggestionCustomers: (input, ctx) => searchCustomers(ctx.db, input.query),
  getBasketTargetList: (input, ctx) => basketTargetList(ctx.db, input.boughtProductId, input.neverProductId),
  exportBasketTargetList: (input, ctx) => exportBasketTargetList(ctx.db, input),
}
