import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SuiteResult } from './types'

// bench/results/latest.json keeps the latest figures of EVERY suite: a run of some suites (--only) replaces
// those suites' results and leaves the others as they were, each stamped with when and how it was measured,
// so a full set survives partial runs.

/** One suite's latest result, with when it ran, on which Node, and whether it was a --quick run. */
export interface StoredSuiteResult extends SuiteResult {
  at: string
  node: string
  quick: boolean
}

export interface ResultsFile {
  /** The last time any suite was written. */
  at: string
  /** Every suite's latest result, in the order the suites were first written. */
  results: StoredSuiteResult[]
}

/** The file's results, or none when it is missing or not a results file (an older format starts afresh). */
export function readResults(file: string): ResultsFile | null {
  if (!existsSync(file)) return null
  try {
    // an older file has one stamp at the top and results without their own: every stamp may be missing
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      at?: unknown
      node?: string
      quick?: boolean
      results?: (SuiteResult & Partial<Omit<StoredSuiteResult, keyof SuiteResult>>)[]
    }
    if (!Array.isArray(parsed.results)) return null
    const at = typeof parsed.at === 'string' ? parsed.at : ''
    // a file from before the merge kept one run's stamp at the top: give it to each of its results
    const results = parsed.results.map((r) => ({
      ...r,
      at: r.at ?? at,
      node: r.node ?? parsed.node ?? '',
      quick: r.quick ?? parsed.quick ?? false,
    }))
    return { at, results }
  } catch {
    return null
  }
}

/** The previous results with this run's suites replaced (in place) or added (at the end). */
export function mergeResults(
  previous: ResultsFile | null,
  run: { at: string; node: string; quick: boolean; results: SuiteResult[] },
): ResultsFile {
  const results = [...(previous?.results ?? [])]
  for (const result of run.results) {
    const stored: StoredSuiteResult = { ...result, at: run.at, node: run.node, quick: run.quick }
    const at = results.findIndex((r) => r.suite === result.suite)
    if (at >= 0) results[at] = stored
    else results.push(stored)
  }
  return { at: run.at, results }
}

/** Merges the run into the file (written whole to a temporary file first, then renamed over it). */
export function writeResults(
  file: string,
  run: { at: string; node: string; quick: boolean; results: SuiteResult[] },
): ResultsFile {
  const merged = mergeResults(readResults(file), run)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(`${file}.partial`, JSON.stringify(merged, null, 2))
  renameSync(`${file}.partial`, file)
  return merged
}
