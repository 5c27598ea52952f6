/** The engine's small-sample threshold (src/main/surveys/stats.ts), for figures the renderer divides itself. */
export const SMALL_SAMPLE = 30
