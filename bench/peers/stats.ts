import { loadavg } from 'node:os'

// Shared measuring helpers of the side-by-side suites: medians of interleaved runs, and the load the machine
// was under (a 2-core machine shared with others: a figure means little without it).

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Milliseconds one call takes (async or not). */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/**
 * Runs every contender once per round, `rounds` times, in turn (A B C, A B C, ...), so that all see the same
 * load; returns each contender's times (wall ms) and fills `cpu` with each one's CPU ms of this process
 * (DuckDB's own threads count there too; SQLite runs in this thread).
 */
export async function interleaved(
  rounds: number,
  contenders: Record<string, () => unknown>,
  cpu: Record<string, number[]> = {},
): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]))
  for (const name of Object.keys(contenders)) cpu[name] = []
  for (let i = 0; i < rounds; i++) {
    for (const [name, work] of Object.entries(contenders)) {
      const before = process.cpuUsage()
      times[name]?.push(await timeMs(work))
      const used = process.cpuUsage(before)
      cpu[name]?.push((used.user + used.system) / 1000)
    }
  }
  return times
}

/** CPU milliseconds of this process since `before` (process.cpuUsage()). */
export function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

/** The 1, 5 and 15 minute load averages, e.g. "1.92 / 2.10 / 2.31 on 2 cores". */
export function loadText(): string {
  const [one = 0, five = 0, fifteen = 0] = loadavg()
  return `${one.toFixed(2)} / ${five.toFixed(2)} / ${fifteen.toFixed(2)}`
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits))
