import type { Method } from '../../shared/api'
import type { Handler } from './handler'
import { importHandlers } from './import'
import { dashboardHandlers } from './dashboard'
import { demoHandlers } from './demo'
import { settingsHandlers } from './settings'
import { analysisHandlers } from './analysis'
import { systemHandlers } from './system'
import { productsHandlers } from './products'
import { jobsHandlers } from './jobs'

/** Every API method's handler, one spread per domain; the type checks it against the contract. */
export const handlers: { [M in Method]: Handler<M> } = {
  ...systemHandlers,
  ...importHandlers,
  ...settingsHandlers,
  ...dashboardHandlers,
  ...demoHandlers,
  ...analysisHandlers,
  ...productsHandlers,
  ...jobsHandlers,
}
