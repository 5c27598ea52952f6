// Opens a database as the app does (createApiContext: the Electron app and the harness share it) and prints
// the outcome as one JSON line: the stats when it opened, or the coded error it answered. Run by
// test/safety/readonly-storage.test.ts in a process whose database folder cannot be written.
import { dispatch } from '../../src/main/api/dispatch'
import { createApiContext } from '../../src/main/app-context'
import { toApiError } from '../../src/main/errors'

const dbFile = process.argv[2] ?? ''
try {
  const ctx = await createApiContext({
    dbFile,
    appVersion: 'probe',
    systemLocale: 'th-TH',
    now: () => new Date(), // the probe is the app's open path: the machine's clock
  })
  const stats = await dispatch('getStats', undefined, ctx)
  await ctx.close()
  process.stdout.write(`${JSON.stringify({ opened: true, stats })}\n`)
} catch (error) {
  const { code, message, params } = toApiError(error)
  process.stdout.write(`${JSON.stringify({ opened: false, error: { code, message, params } })}\n`)
}
