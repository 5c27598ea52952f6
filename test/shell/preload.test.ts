import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract, methods } from '../../src/shared/api'
import { methodNames } from '../../src/shared/api/methods'
import { projectRoot } from '../helpers/node'

// The preload exposes one function per method of the zod-free list in src/shared/api/methods.ts, so it
// ships no zod. The list must be exactly the contract's methods (also checked at compile time).

const bundle = resolve(projectRoot, 'out/preload/index.cjs')

describe("the preload's method list", () => {
  it('is exactly the contract, without duplicates', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort())
    expect(new Set(methodNames).size).toBe(methodNames.length)
    expect([...methods]).toEqual([...methodNames])
  })

  it('keeps zod out of the preload source', () => {
    const source = readFileSync(resolve(projectRoot, 'src/preload/index.ts'), 'utf8')
    const runtimeImports = [...source.matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
    expect(runtimeImports).toEqual(['electron', '../shared/api/methods'])
  })

  it.skipIf(!existsSync(bundle))(
    'builds a preload bundle with every method and no zod (after npm run build)',
    () => {
      const code = readFileSync(bundle, 'utf8')
      for (const method of methodNames) expect(code).toContain(`"${method}"`)
      expect(code).not.toMatch(/ZodError|\$ZodType|zod/i)
      expect(code.length).toBeLessThan(20_000)
    },
  )
})
