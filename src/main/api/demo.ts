import { randomUUID } from 'node:crypto'
import type { demoContract } from '../../shared/api/demo'
import { localToday } from '../../shared/calendar'
import { createDemoShop, DEFAULT_DEMO_SEED } from '../demo'
import type { Handlers } from './handler'

export const demoHandlers: Handlers<typeof demoContract> = {
  loadDemo: (input, ctx) => {
    const jobId = randomUUID()
    return createDemoShop(ctx.connection.sqlite, {
      seed: input?.seed ?? DEFAULT_DEMO_SEED,
      endDate: localToday(ctx.now()),
      onProgress: (done, total, phase) =>
        ctx.emit({ type: 'progress', task: 'demo', jobId, done, total, phase }),
    })
  },
}
