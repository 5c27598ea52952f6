import type { Suite } from '../types'
import { basketsSuite } from './baskets'
import { bundleSuite } from './bundle'
import { clvSuite } from './clv'
import { customersSuite } from './customers'
import { demoSuite } from './demo'
import { importSuite } from './import'
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
  startupSuite, // CLI start-up (issue 9)
  bundleSuite, // bundle sizes (issue 9)
]
