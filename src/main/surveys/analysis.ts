import type { Kysely } from 'kysely'
import { addDays, dayNumber } from '../../shared/calendar'
import type { SurveyAnalysis, SurveyTemplate } from '../../shared/api/surveys'
import type { Database, SatisfactionLevel } from '../db/schema'
import { derivedOverall, LEVELS } from './levels'
import { loadResponses, salesUntil, type LoadedResponse, type Period } from './load'
import { isDisappointed } from './responses'
import { emptyCounts, emptyPairs, priority, rankPriorities, shares, type LevelCounts } from './stats'
import { findCurrentSurvey, unsavedDefaultSurvey } from './templates'
import { topWords } from './words'

type Db = Kysely<Database>

export const AFTER_WINDOWS = [30, 60, 90] as const

/** The response's overall level: its answer to the overall question, else derived from its aspects. */
export function overallOf(r: LoadedResponse, without?: number): SatisfactionLevel | null {
  if (r.overall) return r.overall
  return derivedOverall([...r.answers].filter(([id]) => id !== without).map(([, level]) => level))
}

function grouped(responses: readonly LoadedResponse[], keys: (r: LoadedResponse) => readonly string[]) {
  const counts = new Map<string, LevelCounts>()
  for (const r of responses) {
    const level = overallOf(r)
    if (!level) continue
    for (const key of keys(r)) {
      const c = counts.get(key) ?? emptyCounts()
      c[level]++
      counts.set(key, c)
    }
  }
  return [...counts].map(([group, c]) => ({ group, shares: shares(c) }))
}

const bySize = (a: { shares: { n: number } }, b: { shares: { n: number } }) => b.shares.n - a.shares.n

export function aspectResults(
  survey: SurveyTemplate,
  responses: readonly LoadedResponse[],
): SurveyAnalysis['aspects'] {
  const results = survey.aspects.map((aspect) => {
    const counts = emptyCounts()
    const pairs = emptyPairs()
    for (const r of responses) {
      const level = r.answers.get(aspect.id)
      if (!level) continue
      counts[level]++
      const overall = overallOf(r, aspect.id)
      if (!overall) continue
      const a = level === 'disappointed'
      const o = overall === 'disappointed'
      if (a && o) pairs.both++
      else if (a) pairs.aspectOnly++
      else if (o) pairs.overallOnly++
      else pairs.neither++
    }
    const s = shares(counts)
    return { aspect, s, p: priority(pairs), key: aspect.key, n: s.n, priority: priority(pairs) }
  })
  const ranks = rankPriorities(results)
  return results.map(({ aspect, s, p }) => ({
    aspectId: aspect.id,
    key: aspect.key,
    labelTh: aspect.labelTh,
    labelEn: aspect.labelEn,
    shares: s,
    association: p.association,
    impact: p.impact,
    priority: ranks.get(aspect.key) ?? results.length,
  }))
}

/** What customers did after each overall level; a window counts only responses whose window has ended. */
export function afterLevel(
  responses: readonly LoadedResponse[],
  until: string | null,
): SurveyAnalysis['afterLevel'] {
  const last = until ? dayNumber(until) : -Infinity
  return LEVELS.map((level) => {
    const mine = responses.filter((r) => r.customerId !== null && overallOf(r) === level)
    const ended = (r: LoadedResponse, days: number) => dayNumber(r.base.slice(0, 10)) + days <= last
    const within = AFTER_WINDOWS.map((days) => {
      const eligible = mine.filter((r) => ended(r, days))
      const boughtAgain = eligible.filter(
        (r) => r.nextSale !== null && r.nextSale <= addDays(r.base.slice(0, 10), days) + r.base.slice(10),
      ).length
      return { days, eligible: eligible.length, boughtAgain }
    })
    const eligible90 = mine.filter((r) => ended(r, 90))
    return {
      level,
      responses: mine.length,
      within,
      eligible90: eligible90.length,
      spend90Satang: eligible90.reduce((s, r) => s + r.spend90, 0),
    }
  })
}

async function namedSegments<T extends { group: string }>(db: Db, groups: T[]) {
  const names = new Map(
    (await db.selectFrom('segments').select(['id', 'name_th', 'name_en']).execute()).map((s) => [s.id, s]),
  )
  return groups.map((g) => {
    const s = names.get(g.group)
    return s ? { ...g, labelTh: s.name_th, labelEn: s.name_en } : g
  })
}

export async function analyseSurveys(db: Db, period: Period = {}): Promise<SurveyAnalysis> {
  const survey = (await findCurrentSurvey(db)) ?? unsavedDefaultSurvey()
  const responses = survey.id === 0 ? [] : await loadResponses(db, survey.id, period)
  const overall = emptyCounts()
  for (const r of responses) {
    const level = overallOf(r)
    if (level) overall[level]++
  }
  const disappointedComments = responses
    .filter((r) => r.comment.trim() && isDisappointed(r.overall, [...r.answers.values()]))
    .map((r) => r.comment)
  return {
    survey,
    from: period.from ?? null,
    to: period.to ?? null,
    responses: responses.length,
    derivedOverall: responses.filter((r) => r.overall === null).length,
    overall: shares(overall),
    aspects: aspectResults(survey, responses),
    months: grouped(responses, (r) => [r.respondedAt.slice(0, 7)])
      .sort((a, b) => a.group.localeCompare(b.group))
      .map(({ group, shares: s }) => ({ month: group, shares: s })),
    byStaff: grouped(responses, (r) => [r.staff ?? '']).sort(bySize),
    byStore: grouped(responses, (r) => [r.store ?? '']).sort(bySize),
    byCategory: grouped(responses, (r) => (r.categories.length ? r.categories : [''])).sort(bySize),
    bySegment: await namedSegments(db, grouped(responses, (r) => [r.segment ?? '']).sort(bySize)),
    afterLevel: afterLevel(responses, await salesUntil(db)),
    salesUntil: await salesUntil(db),
    words: topWords(disappointedComments),
    disappointedComments: disappointedComments.length,
  }
}
