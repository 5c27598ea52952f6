import { describe, expect, it } from 'vitest'
import { minimize } from '../../src/main/analysis/optimize'

const rosenbrock = (v: Float64Array): { value: number; gradient: Float64Array } => {
  const x = v[0] ?? 0
  const y = v[1] ?? 0
  return {
    value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
  }
}

describe('minimize (L-BFGS)', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimize(rosenbrock, [-1.2, 1])
    expect(result.converged).toBe(true)
    expect(result.x[0]).toBeCloseTo(1, 6)
    expect(result.x[1]).toBeCloseTo(1, 6)
  })

  it('solves an ill-conditioned quadratic in a few iterations', () => {
    const scales = [1, 10, 100, 1000, 1e4]
    const result = minimize(
      (v) => ({
        value: scales.reduce((s, c, i) => s + 0.5 * c * ((v[i] ?? 0) - i) ** 2, 0),
        gradient: Float64Array.from(scales, (c, i) => c * ((v[i] ?? 0) - i)),
      }),
      [5, 5, 5, 5, 5],
    )
    expect(result.converged).toBe(true)
    result.x.forEach((v, i) => expect(v).toBeCloseTo(i, 7))
  })

  it('steps back from a region where the objective is undefined', () => {
    // f(x) = x - ln x (minimum at 1) is undefined for x <= 0; the first step from 8 overshoots below 0
    const result = minimize(
      (v) => {
        const x = v[0] ?? 0
        return { value: x > 0 ? x - Math.log(x) : Number.NaN, gradient: Float64Array.of(1 - 1 / x) }
      },
      [8],
    )
    expect(result.converged).toBe(true)
    expect(result.x[0]).toBeCloseTo(1, 6)
  })

  it('reports that it did not converge when the iteration limit is reached', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { maxIterations: 3 })
    expect(result.converged).toBe(false)
    expect(result.reason).toBe('max_iterations')
  })

  it('refuses a start where the objective is not finite', () => {
    expect(() => minimize(() => ({ value: Number.NaN, gradient: Float64Array.of(0) }), [0])).toThrow(
      /not finite at the starting point/,
    )
  })
})
