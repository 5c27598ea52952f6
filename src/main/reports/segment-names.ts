import type { Language } from '../../shared/api/settings'
import type { SegmentRules } from '../../shared/api/analysis'

/** The segment names and advice of a run's rules, in one language, by segment id. */
export function segmentNames(
  rules: SegmentRules,
  language: Language,
): Map<string, { name: string; action: string }> {
  return new Map(
    rules.segments.map((s) => [
      s.id,
      { name: language === 'th' ? s.nameTh : s.nameEn, action: language === 'th' ? s.actionTh : s.actionEn },
    ]),
  )
}
