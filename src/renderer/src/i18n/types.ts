/**
 * The shape of a namespace's English text, which every other language must match key for key: a Thai
 * file typed Messages<typeof en> fails to compile when it misses or adds a key.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export interface NamespaceText<T> {
  en: T
  th: Messages<T>
}

export function defineNamespace<T>(en: T, th: Messages<T>): NamespaceText<T> {
  return { en, th }
}
