import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { defaultDbFile } from '../../src/main/paths'
import { startHarness } from './server'

// `npm run harness -- [--db FILE] [--locale th-TH] [--port N]`: the built renderer against a real database
// in any browser on this machine, for development (build first with `npm run build`).
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: defaultDbFile() },
    locale: { type: 'string', default: 'th-TH' },
    port: { type: 'string', default: '0' },
  },
})

const harness = await startHarness({
  dbFile: resolve(values.db),
  systemLocale: values.locale,
  port: Number(values.port),
})
console.log(`Lukkha test harness on ${resolve(values.db)}\nOpen: ${harness.url}\nCtrl+C to stop.`)
process.on('SIGINT', () => {
  void harness.close().then(() => process.exit(0))
})
