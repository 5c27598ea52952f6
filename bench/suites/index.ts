import type { Suite } from '../types'
import { clvSuite } from './clv'
import { demoSuite } from './demo'
import { importSuite } from './import'
import { rfmSuite } from './rfm'
import { basketsSuite } from './baskets'

// Every benchmark suite, in the order they run. Each issue that sets a speed or memory target adds one.
export const suites: Suite[] = [demoSuite, rfmSuite, clvSuite, importSuite, basketsSuite]
