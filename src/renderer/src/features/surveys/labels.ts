import type { Language } from '../../../../shared/api/settings'

/** An aspect's label in the UI language. */
export const aspectLabel = (a: { labelTh: string; labelEn: string }, language: Language): string =>
  language === 'th' ? a.labelTh : a.labelEn

/** The colours of the three levels, the same in every chart and button. */
export const LEVEL_COLOURS = { delighted: '#2f9e44', satisfied: '#868e96', disappointed: '#e03131' } as const
