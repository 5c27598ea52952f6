import { describe, expect, it } from 'vitest'
import { featureRoutes } from '../../src/renderer/src/app/features'
import { menu } from '../../src/renderer/src/app/menu'

describe('menu', () => {
  it('lists every feature route once, and nothing else', () => {
    const listed = [...menu.main, ...menu.bottom]
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual(featureRoutes.map((route) => route.id).sort())
  })
})
