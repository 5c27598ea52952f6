import type { reportsContract } from '../../shared/api/reports'
import { LukkhaError } from '../errors'
import { renderReport } from '../reports'
import type { ApiContext } from './context'
import type { Handlers } from './handler'

function printerOf(ctx: ApiContext) {
  if (!ctx.printer) throw new LukkhaError('internal', 'Printing is not available here.')
  return ctx.printer
}

const render = (input: Parameters<typeof renderReport>[1], ctx: ApiContext) =>
  renderReport(ctx.connection, input, { systemLocale: ctx.systemLocale, now: ctx.now() })

export const reportsHandlers: Handlers<typeof reportsContract> = {
  renderReport: (input, ctx) => render(input, ctx),
  saveReportPdf: async (input, ctx) => {
    const report = await render(input, ctx)
    const pdf = await printerOf(ctx).toPdf(report.html, report.orientation)
    return { fileName: report.fileName, base64: Buffer.from(pdf).toString('base64') }
  },
  printReport: async (input, ctx) => {
    const report = await render(input, ctx)
    return { printed: await printerOf(ctx).print(report.html, report.orientation) }
  },
}
