import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RENDERER_DIR } from '../harness/server'

// The renderer imports Mantine's styles per component (src/renderer/src/app/mantineStyles.ts), not the whole
// styles.css. A component drawn without its file looks broken but throws nothing, so this checks the BUILT app
// (npm run build; npm test builds first): every Mantine class name in its scripts has a rule in its styles.

const assets = join(RENDERER_DIR, 'assets')
const classesIn = (ext: string): Set<string> => {
  const found = new Set<string>()
  for (const file of readdirSync(assets).filter((f) => f.endsWith(ext))) {
    for (const match of readFileSync(join(assets, file), 'utf8').matchAll(/m_[0-9a-f]{8}/g))
      found.add(match[0])
  }
  return found
}

describe('Mantine styles per component', () => {
  it('styles every Mantine class the built renderer uses', () => {
    expect(existsSync(assets), `no built renderer at ${assets}: run npm run build first`).toBe(true)
    const used = classesIn('.js')
    const styled = classesIn('.css')
    expect(used.size).toBeGreaterThan(100)
    const unstyled = [...used].filter((name) => !styled.has(name))
    expect(unstyled, 'add the component of these classes to src/renderer/src/app/mantineStyles.ts').toEqual(
      [],
    )
  })

  it('does not ship the styles of every Mantine component', () => {
    const full = readFileSync(join(RENDERER_DIR, '../../node_modules/@mantine/core/styles.css'), 'utf8')
    const all = new Set(full.match(/m_[0-9a-f]{8}/g))
    expect(classesIn('.css').size).toBeLessThan(all.size * 0.8)
  })
})
