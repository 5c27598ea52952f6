import { expect } from 'vitest'

/**
 * How long a test waits for one condition (an element, a job, a download) before it calls the condition
 * failed. Every wait returns as soon as its condition holds, so a generous bound costs nothing when the code
 * works: it only decides how long a broken test hangs. It is sized for a 2-core machine whose cores are both
 * busy with other work (issue #9: the suite passes while two `yes > /dev/null` load both cores), where one
 * e2e step measured up to ~60 s.
 */
export const STEP_TIMEOUT = 120_000

/** expect.poll with the step bound (its own default gives up after one second). */
export function poll<T>(read: () => Promise<T>): ReturnType<typeof expect.poll<Promise<T>>> {
  return expect.poll(read, { timeout: STEP_TIMEOUT })
}
