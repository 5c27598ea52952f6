// Turns purchase history into the per-customer figures the BG/NBD and Gamma-Gamma models take, with the
// definitions of Fader, Hardie & Lee that the published CDNOW results use: several transactions on the same
// day are one purchase; x = purchase days after the first; t_x and T are measured from the first purchase
// day to the last purchase day and to the end of the calibration period; the mean repeat spend averages the
// repeat days' totals (the first purchase is left out, as in Fader & Hardie's Gamma-Gamma note).

export interface CustomerDays {
  /** Distinct purchase days up to the calibration end, including the first. */
  purchaseDays: number
  firstDay: number
  lastDay: number
  /** Total spend on the repeat days (every purchase day but the first). */
  repeatSpend: number
}

export interface ModelInput {
  x: number
  tx: number
  T: number
  /** Mean spend per repeat purchase day; 0 when x = 0. */
  repeatMean: number
}

/**
 * Folds (customer, day, value) rows, sorted by customer and then day, into one CustomerDays per customer.
 * Rows after calibrationEndDay are ignored; rows of the same customer and day are summed.
 */
export class CustomerDaysBuilder<K> {
  readonly customers = new Map<K, CustomerDays>()
  private current: CustomerDays | null = null
  private currentKey: K | undefined
  private dayValue = 0
  private day = Number.NaN

  constructor(private readonly calibrationEndDay: number) {}

  add(customer: K, day: number, value: number): void {
    if (day > this.calibrationEndDay) return
    if (this.current === null || customer !== this.currentKey) {
      this.flushDay()
      const existing = this.customers.get(customer)
      if (existing) throw new RangeError(`Rows must be sorted by customer: ${String(customer)} appears twice`)
      this.current = { purchaseDays: 0, firstDay: day, lastDay: day, repeatSpend: 0 }
      this.currentKey = customer
      this.customers.set(customer, this.current)
      this.day = Number.NaN
    }
    if (day === this.day) {
      this.dayValue += value
      return
    }
    if (day < this.day) throw new RangeError(`Rows must be sorted by day within customer ${String(customer)}`)
    this.flushDay()
    this.day = day
    this.dayValue = value
  }

  private flushDay(): void {
    const c = this.current
    if (c === null || Number.isNaN(this.day)) return
    if (c.purchaseDays > 0) c.repeatSpend += this.dayValue
    c.purchaseDays++
    c.lastDay = this.day
    this.day = Number.NaN
  }

  finish(): Map<K, CustomerDays> {
    this.flushDay()
    return this.customers
  }
}

/** The model figures of one customer, in time units of unitDays days (1 for days, 7 for weeks). */
export function modelInput(c: CustomerDays, calibrationEndDay: number, unitDays: number): ModelInput {
  const x = c.purchaseDays - 1
  return {
    x,
    tx: (c.lastDay - c.firstDay) / unitDays,
    T: (calibrationEndDay - c.firstDay) / unitDays,
    repeatMean: x > 0 ? c.repeatSpend / x : 0,
  }
}
