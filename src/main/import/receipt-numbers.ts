import { detach } from './detach'

// Receipt number -> a number (a receipt's id, or what the parser remembers of it), for the half a million
// receipts of a big file. Most POS number their receipts as a fixed prefix and a counter ('2-10417',
// 'R000123' aside): such a number is kept as its counter in a page of a Float64Array under its prefix, so the
// map holds no string and no heap entry per receipt (a Map of 500,000 strings cost the parser thread about
// 1.5 s of hashing and garbage collection per million lines, and its heap the entries). Every other number
// (leading zeros, more than 9 digits, no digits at the end, or counters too sparse for pages) goes to a Map.

const PAGE_BITS = 10
const PAGE = 1 << PAGE_BITS
/** Counters of up to 9 digits fit a small integer. */
const MAX_DIGITS = 9
/** Pages are only allocated while at least one slot in this many is used (sparse counters go to the Map). */
const SPARSE = 8
const FREE_PAGES = 64

type Pages = Map<number, Float64Array>

export class ReceiptNumbers {
  /** Numbers that are not prefix + counter, and counters whose page was not allocated. */
  private readonly other = new Map<string, number>()
  private readonly prefixes = new Map<string, Pages>()
  private pageCount = 0
  private count = 0
  /** The last prefix and its pages: a file's receipts share one or a few. */
  private lastPrefix = ''
  private lastPages: Pages | null = null
  /** The counter of the number split last (set by pagesOf). */
  private counter = 0

  get size(): number {
    return this.count
  }

  get(receiptNumber: string): number | undefined {
    const pages = this.pagesOf(receiptNumber, false)
    if (pages !== null) {
      const value = pages.get(this.counter >>> PAGE_BITS)?.[this.counter & (PAGE - 1)]
      if (value !== undefined && !Number.isNaN(value)) return value
    }
    return this.other.size > 0 ? this.other.get(receiptNumber) : undefined
  }

  set(receiptNumber: string, value: number): void {
    if (this.other.size > 0 && this.other.has(receiptNumber)) {
      this.other.set(receiptNumber, value)
      return
    }
    const pages = this.pagesOf(receiptNumber, true)
    if (pages !== null) {
      const pageNo = this.counter >>> PAGE_BITS
      let page = pages.get(pageNo)
      if (
        page === undefined &&
        (this.pageCount < FREE_PAGES || this.pageCount * PAGE <= SPARSE * this.count)
      ) {
        page = new Float64Array(PAGE).fill(NaN)
        pages.set(pageNo, page)
        this.pageCount++
      }
      if (page !== undefined) {
        const slot = this.counter & (PAGE - 1)
        if (Number.isNaN(page[slot])) this.count++
        page[slot] = value
        return
      }
    }
    this.other.set(detach(receiptNumber), value)
    this.count++
  }

  /**
   * The pages of the number's prefix with `counter` set to its counter, or null when the number is not a
   * prefix and a counter (or, when not `create`, its prefix has no pages).
   */
  private pagesOf(text: string, create: boolean): Pages | null {
    const end = text.length
    let at = end
    while (at > 0) {
      const c = text.charCodeAt(at - 1)
      if (c < 48 || c > 57) break
      at--
    }
    const digits = end - at
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(at) === 48)) return null
    let n = 0
    for (let i = at; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48)
    this.counter = n
    const last = this.lastPrefix
    if (this.lastPages !== null && last.length === at && (at === 0 || text.startsWith(last)))
      return this.lastPages
    const prefix = text.slice(0, at)
    let pages = this.prefixes.get(prefix)
    if (pages === undefined) {
      if (!create) return null
      pages = new Map()
      this.prefixes.set(detach(prefix), pages)
    }
    this.lastPrefix = detach(prefix)
    this.lastPages = pages
    return pages
  }
}
