import type { Sqlite } from '../db'
import { generateDemoShop, type GenerateOptions } from './generate'
import type { DemoSummary } from '../../shared/api/demo'
import { assertEmptyForDemo, writeDemoShop } from './write'

export { DEFAULT_DEMO_CUSTOMERS, generateDemoShop } from './generate'
export { DEMO_SOURCE } from './write'
export type { DemoShop, Persona } from './types'

export const DEFAULT_DEMO_SEED = 2567

/**
 * Generates the demo café-bakery and stores it in an empty database. Refuses (before any work) a database
 * that already has data, so the demo never mixes with a shop's real sales.
 */
export async function createDemoShop(sqlite: Sqlite, options: GenerateOptions): Promise<DemoSummary> {
  assertEmptyForDemo(sqlite)
  const shop = await generateDemoShop(options)
  options.onProgress?.(1, 1, 'demo.phase.saving')
  return writeDemoShop(sqlite, shop)
}
