import type { Suite } from '../types'
import { basketsSuite } from './baskets'
import { bundleSuite } from './bundle'
import { clvSuite } from './clv'
import { customersSuite } from './customers'
import { demoSuite } from './demo'
import { importSuite } from './import'
import { rendererSuite } from './renderer'
import { rfmSuite } from './rfm'
import { startupSuite } from './startup'

// Every benchmark suite, in the order they run. Each issue that sets a speed or memory target adds one.
export const suites: Suite[] = [
  demoSuite,
  rfmSuite,
  clvSuite,
  importSuite,
  customersSuite,
  basketsSuite,
  rendererSuite, // first paint and KPI cards in Chromium (issue 17)
  startupSuite, // CLI start-up (issue 9)
  bundleSuite, // bundle sizes (issue 9)
]
