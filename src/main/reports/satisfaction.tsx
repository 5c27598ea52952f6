/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { SharesDto, SurveyAnalysis } from '../../shared/api/surveys'
import type { Database, SatisfactionLevel } from '../db/schema'
import { analyseSurveys } from '../surveys/analysis'
import { BarChart } from './charts'
import type { BuiltReport, ReportEnv } from './env'
import { Kpis, Table, type Column } from './parts'

// The satisfaction report: the surveys' analysis (src/main/surveys/analysis.ts, the same figures as the
// Surveys page) on paper: overall shares and net delight with its 95% range, every aspect, what to improve
// first, the monthly trend, staff/store/category/segment, buying again after each level, and the comments.

const LATEST_COMMENTS = 40
const LEVELS: SatisfactionLevel[] = ['delighted', 'satisfied', 'disappointed']
/** Green, grey, red: the three levels as the Surveys page colours them. */
const LEVEL_COLOURS = ['#2b8a3e', '#adb5bd', '#e03131']

interface CommentRow {
  id: number
  respondedAt: string
  customer: string | null
  comment: string
}

async function latestComments(db: Kysely<Database>, from?: string, to?: string): Promise<CommentRow[]> {
  let query = db
    .selectFrom('survey_responses as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['r.id', 'r.responded_at', 'c.name', 'r.comment'])
    .where('r.comment', '<>', '')
  if (from) query = query.where('r.responded_at', '>=', from)
  if (to) query = query.where('r.responded_at', '<=', `${to}T23:59:59`)
  const rows = await query
    .orderBy('r.responded_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(LATEST_COMMENTS)
    .execute()
  return rows.map((r) => ({ id: r.id, respondedAt: r.responded_at, customer: r.name, comment: r.comment }))
}

function sharesColumns<T>(env: ReportEnv, of: (row: T) => SharesDto): Column<T>[] {
  const { t, number, percent } = env
  const net = (s: SharesDto): string =>
    s.netDelight === null ? '–' : `${percent(s.netDelight)}${s.small ? ' *' : ''}`
  return [
    { label: t('satisfaction.answers'), cell: (r) => number(of(r).n), numeric: true },
    { label: t('satisfaction.delighted'), cell: (r) => percent(of(r).delighted), numeric: true },
    { label: t('satisfaction.satisfied'), cell: (r) => percent(of(r).satisfied), numeric: true },
    { label: t('satisfaction.disappointed'), cell: (r) => percent(of(r).disappointed), numeric: true },
    { label: t('satisfaction.netDelight'), cell: (r) => net(of(r)), numeric: true },
    {
      label: t('satisfaction.range'),
      cell: (r) => {
        const s = of(r)
        return s.low === null || s.high === null ? '–' : `${percent(s.low)} … ${percent(s.high)}`
      },
      numeric: true,
    },
  ]
}

function GroupTable(props: {
  env: ReportEnv
  title: string
  label: string
  groups: SurveyAnalysis['byStaff']
}): React.JSX.Element | null {
  const { env } = props
  if (props.groups.length === 0) return null
  const name = (g: SurveyAnalysis['byStaff'][number]): string =>
    (env.language === 'th' ? g.labelTh : g.labelEn) ?? (g.group || env.t('satisfaction.notRecorded'))
  return (
    <>
      <h2>{props.title}</h2>
      <Table
        rowKey={(g) => g.group}
        rows={props.groups}
        columns={[
          { label: props.label, cell: name },
          ...sharesColumns<SurveyAnalysis['byStaff'][number]>(env, (g) => g.shares),
        ]}
      />
    </>
  )
}

export async function satisfactionReport(
  db: Kysely<Database>,
  env: ReportEnv,
  period: { from?: string; to?: string },
): Promise<BuiltReport> {
  const { t, number, percent, money, date } = env
  const analysis = await analyseSurveys(db, period)
  const base = { title: t('satisfaction.title'), orientation: 'portrait' as const, fileStem: 'satisfaction' }
  if (analysis.responses === 0) {
    return { ...base, asOf: analysis.salesUntil, body: <p>{t('satisfaction.noResponses')}</p> }
  }
  const comments = await latestComments(db, period.from, period.to)
  const months = analysis.months
  const first = months[0]?.month
  const last = months.at(-1)?.month
  const aspectName = (a: { labelTh: string; labelEn: string }): string =>
    env.language === 'th' ? a.labelTh : a.labelEn
  const o = analysis.overall
  const levelName = (level: SatisfactionLevel): string => t(`satisfaction.${level}`)
  const byPriority = [...analysis.aspects].sort((a, b) => a.priority - b.priority)
  return {
    ...base,
    asOf: analysis.salesUntil,
    body: (
      <>
        <p className="note">
          {t('satisfaction.period', {
            from: period.from ? date(period.from) : first ? env.month(first) : '–',
            to: period.to ? date(period.to) : last ? env.month(last) : '–',
          })}
        </p>
        <Kpis
          items={[
            { label: t('satisfaction.responses'), value: number(analysis.responses) },
            { label: t('satisfaction.delighted'), value: percent(o.delighted) },
            { label: t('satisfaction.disappointed'), value: percent(o.disappointed) },
            {
              label: t('satisfaction.netDelight'),
              value:
                o.netDelight === null
                  ? '–'
                  : `${percent(o.netDelight)} (${percent(o.low ?? 0)} … ${percent(o.high ?? 0)})`,
            },
          ]}
        />
        <p className="note">{t('satisfaction.netDelightNote')}</p>
        {analysis.derivedOverall > 0 && (
          <p className="note">{t('satisfaction.derived', { count: number(analysis.derivedOverall) })}</p>
        )}

        <h2>{t('satisfaction.aspects')}</h2>
        <figure>
          <BarChart
            categories={analysis.aspects.map((a) => [aspectName(a)])}
            series={LEVELS.map((level) => ({
              label: levelName(level),
              values: analysis.aspects.map((a) => a.shares[level]),
            }))}
            format={(v) => percent(v)}
            stacked
            colours={LEVEL_COLOURS}
            height={220}
          />
        </figure>
        <Table
          rowKey={(a) => a.aspectId}
          rows={analysis.aspects}
          columns={[
            { label: t('satisfaction.aspect'), cell: aspectName },
            ...sharesColumns<SurveyAnalysis['aspects'][number]>(env, (a) => a.shares),
          ]}
        />

        <div className="section">
          <h2>{t('satisfaction.priorities')}</h2>
          <p className="note">{t('satisfaction.prioritiesNote')}</p>
          <Table
            rowKey={(a) => a.aspectId}
            rows={byPriority}
            columns={[
              { label: t('satisfaction.rank'), cell: (a) => number(a.priority), numeric: true },
              { label: t('satisfaction.aspect'), cell: aspectName },
              {
                label: t('satisfaction.disappointed'),
                cell: (a) => percent(a.shares.disappointed),
                numeric: true,
              },
              {
                label: t('satisfaction.association'),
                cell: (a) => (a.association === null ? '–' : percent(a.association)),
                numeric: true,
              },
              { label: t('satisfaction.impact'), cell: (a) => number(a.impact, 3), numeric: true },
            ]}
          />
        </div>

        <h2>{t('satisfaction.trend')}</h2>
        <figure>
          <BarChart
            categories={months.map((m) => env.monthAxis(m.month))}
            series={LEVELS.map((level) => ({
              label: levelName(level),
              values: months.map((m) => m.shares[level]),
            }))}
            format={(v) => percent(v)}
            stacked
            colours={LEVEL_COLOURS}
            height={220}
          />
        </figure>
        <Table
          rowKey={(m) => m.month}
          rows={months}
          columns={[
            { label: t('common.month'), cell: (m) => env.month(m.month), nowrap: true },
            ...sharesColumns<SurveyAnalysis['months'][number]>(env, (m) => m.shares),
          ]}
        />

        {(
          [
            ['byStaff', 'staff', analysis.byStaff],
            ['byStore', 'store', analysis.byStore],
            ['byCategory', 'category', analysis.byCategory],
            ['bySegment', 'group', analysis.bySegment],
          ] as const
        ).map(([title, label, groups]) => (
          <GroupTable
            key={title}
            env={env}
            title={t(`satisfaction.${title}`)}
            label={t(`satisfaction.${label}`)}
            groups={groups}
          />
        ))}

        <div className="section">
          <h2>{t('satisfaction.after')}</h2>
          <p className="note">
            {t('satisfaction.afterNote', { date: analysis.salesUntil ? date(analysis.salesUntil) : '–' })}
          </p>
          <Table
            rowKey={(a) => a.level}
            rows={analysis.afterLevel}
            columns={[
              { label: t('satisfaction.level'), cell: (a) => levelName(a.level) },
              { label: t('satisfaction.responses'), cell: (a) => number(a.responses), numeric: true },
              ...[30, 60, 90].map((days): Column<SurveyAnalysis['afterLevel'][number]> => ({
                label: t('satisfaction.within', { days }),
                cell: (a) => {
                  const w = a.within.find((x) => x.days === days)
                  return w && w.eligible > 0
                    ? `${percent(w.boughtAgain / w.eligible)} (${number(w.boughtAgain)}/${number(w.eligible)})`
                    : '–'
                },
                numeric: true,
              })),
              {
                label: t('satisfaction.spend90'),
                cell: (a) => (a.eligible90 > 0 ? money(Math.round(a.spend90Satang / a.eligible90)) : '–'),
                numeric: true,
              },
            ]}
          />
        </div>

        {analysis.words.length > 0 && (
          <div className="section">
            <h2>{t('satisfaction.words')}</h2>
            <Table
              rowKey={(w) => w.word}
              rows={analysis.words.slice(0, 20)}
              columns={[
                { label: t('satisfaction.word'), cell: (w) => w.word },
                { label: t('satisfaction.count'), cell: (w) => number(w.count), numeric: true },
              ]}
            />
          </div>
        )}

        {comments.length > 0 && (
          <>
            <h2>{t('satisfaction.comments')}</h2>
            <Table
              rowKey={(c) => c.id}
              rows={comments}
              columns={[
                {
                  label: t('satisfaction.date'),
                  cell: (c) => date(c.respondedAt.slice(0, 10)),
                  nowrap: true,
                },
                { label: t('satisfaction.customer'), cell: (c) => c.customer ?? t('satisfaction.walkIn') },
                { label: t('satisfaction.comment'), cell: (c) => c.comment },
              ]}
            />
          </>
        )}
      </>
    ),
  }
}
