// A receipt's day number (days since 1970-01-01) in SQL, from its time text. The same expression is the last
// column of the index receipts_customer_activity (migration 2026_12_01_300000): a query that names it exactly
// so reads it from the index; spelt any other way, SQLite works it out again for every receipt.

/** The day number of the time in `time` (a column, e.g. 'occurred_at' or 'r.occurred_at'). */
export function receiptDay(time: string): string {
  return `unixepoch(substr(${time}, 1, 10)) / 86400`
}
