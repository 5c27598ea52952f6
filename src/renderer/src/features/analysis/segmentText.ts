import type { Language } from '../../../../shared/api/settings'

// Segment names and actions come from the editable segment map, in both languages; show the UI's one.

interface SegmentTexts {
  nameTh: string
  nameEn: string
  actionTh: string
  actionEn: string
}

export const segmentName = (s: SegmentTexts, language: Language): string =>
  language === 'th' ? s.nameTh : s.nameEn

export const segmentAction = (s: SegmentTexts, language: Language): string =>
  language === 'th' ? s.actionTh : s.actionEn

/** Segment id -> its name in the UI language; the id itself for a segment the map no longer has. */
export function segmentNamer(
  segments: readonly (SegmentTexts & { id: string })[],
  language: Language,
): (id: string) => string {
  const names = new Map(segments.map((s) => [s.id, segmentName(s, language)]))
  return (id) => names.get(id) ?? id
}
