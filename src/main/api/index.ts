import type { Method } from '../../shared/api'
import type { Handler } from './handler'
import { importHandlers } from './import'
import { dashboardHandlers } from './dashboard'
import { demoHandlers } from './demo'
import { settingsHandlers } from './settings'
import { analysisHandlers } from './analysis'
import { systemHandlers } from './system'
import { reportsHandlers } from './reports'
import { productsHandlers } from './products'
import { jobsHandlers } from './jobs'
import { customersHandlers } from './customers'
import { customerListsHandlers } from './customer-lists'
import { surveysHandlers } from './surveys'
import { retentionHandlers } from './retention'
import { growthHandlers } from './growth'
import { campaignsHandlers } from './campaigns'
import { backupHandlers } from './backup'

/** Every API method's handler, one spread per domain; the type checks it against the contract. */
export const handlers: { [M in Method]: Handler<M> } = {
  ...systemHandlers,
  ...importHandlers,
  ...settingsHandlers,
  ...dashboardHandlers,
  ...demoHandlers,
  ...analysisHandlers,
  ...reportsHandlers,
  ...productsHandlers,
  ...jobsHandlers,
  ...customersHandlers,
  ...customerListsHandlers,
  ...surveysHandlers,
  ...retentionHandlers,
  ...growthHandlers,
  ...campaignsHandlers,
  ...backupHandlers,
}
