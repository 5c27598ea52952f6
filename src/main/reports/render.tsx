/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server'
import type { RenderedReport, ReportRequest } from '../../shared/api/reports'
import { localToday } from '../../shared/calendar'
import type { Connection } from '../db'
import { LukkhaError } from '../errors'
import { getSettings } from '../settings'
import { callListReport, type CallListSource } from './call-list'
import { campaignLabelsReport, campaignLettersReport } from './campaign-letters'
import { campaignReport } from './campaign'
import { customerReport } from './customer'
import { ReportDocument } from './document'
import { reportEnv, type BuiltReport, type ReportEnv } from './env'
import { retentionReport } from './retention'
import { satisfactionReport } from './satisfaction'
import { basketsReport } from './baskets'
import { retentionListReport } from './retention-list'
import { segmentsReport } from './segments'
import { valueReport } from './value'

function callListSource(request: ReportRequest): CallListSource {
  const source = request.source ?? (request.segment ? 'segment' : 'customers')
  if (source === 'segment') {
    if (!request.segment) throw new LukkhaError('validation', 'A call list for a segment needs the segment.')
    return { kind: 'segment', segment: request.segment }
  }
  if (source === 'at_risk') return { kind: 'at_risk' }
  if (source === 'customer_filter') return { kind: 'customer_filter', filter: request.filter ?? {} }
  if (!request.customerIds)
    throw new LukkhaError('validation', 'A call list of chosen customers needs their ids.')
  return { kind: 'customers', customerIds: request.customerIds }
}

function campaignIdOf(request: ReportRequest): number {
  if (!request.campaignId) throw new LukkhaError('validation', 'A campaign report needs the campaign.')
  return request.campaignId
}

function build(
  connection: Connection,
  env: ReportEnv,
  request: ReportRequest,
  today: string,
): Promise<BuiltReport> | BuiltReport {
  switch (request.report) {
    case 'segments':
      return segmentsReport(connection.db, env, request.segment)
    case 'value':
      return valueReport(connection.db, env)
    case 'customer':
      if (!request.customerIds) throw new LukkhaError('validation', 'A customer report needs the customer.')
      return customerReport(connection.db, env, request.customerIds)
    case 'retention':
      return retentionReport(connection, env)
    case 'call-list':
      return callListReport(connection.db, env, callListSource(request))
    case 'satisfaction':
      return satisfactionReport(connection.db, env, { from: request.from, to: request.to })
    case 'baskets':
      return basketsReport(connection.db, env, request)
    case 'retention-list':
      if (!request.list) throw new LukkhaError('validation', 'A retention list report needs the list.')
      return retentionListReport(connection.db, env, request.list, request.asOf, today)
    case 'campaign':
      return campaignReport(connection.db, env, campaignIdOf(request))
    case 'campaign-letters':
      return campaignLettersReport(connection.db, env, campaignIdOf(request))
    case 'campaign-labels':
      return campaignLabelsReport(connection.db, env, campaignIdOf(request))
  }
}

/**
 * Builds a report as one self-contained HTML page: the shop's header, the report, Sarabun embedded, charts as
 * SVG, page numbers in the margin and no script, so the app's Chromium, any other Chromium and the printer
 * all get the same pages. `now` is the print date.
 */
export async function renderReport(
  connection: Connection,
  request: ReportRequest,
  options: { systemLocale: string; now: Date },
): Promise<RenderedReport> {
  const settings = await getSettings(connection.db, options.systemLocale)
  const language = request.language ?? settings.language
  const env = reportEnv(language, settings.dateStyle)
  const printedOn = localToday(options.now)
  const report = await build(connection, env, request, printedOn)
  const markup = renderToStaticMarkup(
    <ReportDocument
      language={language}
      title={report.title}
      period={report.asOf ? env.t('common.dataUpTo', { date: env.date(report.asOf) }) : null}
      printed={env.t('common.printed', { date: env.date(printedOn) })}
      shop={{
        shopName: settings.shopName,
        shopAddress: settings.shopAddress,
        logoDataUrl: settings.logo?.dataUrl ?? null,
      }}
      orientation={report.orientation}
      pageWord={env.t('common.page')}
    >
      {report.body}
    </ReportDocument>,
  )
  return {
    title: report.title,
    fileName: `lukkha-${report.fileStem}-${report.asOf ?? printedOn}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_'),
    orientation: report.orientation,
    html: `<!doctype html>\n${markup}`,
  }
}
