import type { Suite } from '../types'
import { demoSuite } from './demo'

// Every benchmark suite, in the order they run. Each issue that sets a speed or memory target adds one.
export const suites: Suite[] = [demoSuite]
