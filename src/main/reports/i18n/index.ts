import type { Language } from '../../../shared/api/settings'
import { en } from './en'
import { th } from './th'

type Dict = typeof en
type Leaf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaf<T[K], `${P}${K}.`>
}[keyof T & string]

/** A dotted key of the report text, e.g. 'segments.title'. */
export type ReportTextKey = Leaf<Dict>

export type Translate = (key: ReportTextKey, params?: Record<string, string | number>) => string

/** The report text in one language, with {{name}} placeholders filled in. */
export function reportText(language: Language): Translate {
  const dict: unknown = language === 'th' ? th : en
  return (key, params) => {
    let node = dict
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
    const text = typeof node === 'string' ? node : key
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''))
  }
}
