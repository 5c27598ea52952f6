// The thresholds of the retention views, in one place (README.md explains each).

/** No purchase for this many days: lapsed (win-back list, not at risk any more). */
export const LAPSED_DAYS = 180
/** Late by this many of their own usual gaps: overdue (as the churn score's medium level in its fallback). */
export const OVERDUE_RATIO = 1.5
/** A customer's own rhythm needs this many purchase days (as in the analysis). */
export const MIN_PURCHASE_DAYS_FOR_RHYTHM = 3
/** Win-back: the customers whose net spend is in the top share of the customer base. */
export const VALUABLE_TOP_SHARE = 0.2
/** New customers still waiting for a second purchase: first purchase within this many days. */
export const NEW_CUSTOMER_DAYS = 90
/** The second purchase counts when it comes within this many days of the first. */
export const SECOND_PURCHASE_DAYS = 90
/** An active customer has a purchase in the last this many days (churn and retention by month). */
export const ACTIVE_DAYS = 90
/** The months the monthly views show. */
export const MONTHS = 12
/** Rows a list returns to the page by default (the export and the print take every row). */
export const LIST_LIMIT = 200
