import type { TooltipItem } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { barChartOptions } from '../../src/renderer/src/components/barChartOptions'

// The app's bar charts (dashboard revenue, category mix, new vs returning, survey levels) share one options
// builder: the value axis is x for sideways bars and y otherwise, and the tooltip reads the value from it.

function item(x: number, y: number, dataIndex = 0): TooltipItem<'bar'> {
  return {
    parsed: { x, y },
    dataset: { label: 'กาแฟ', data: [] },
    dataIndex,
  } as unknown as TooltipItem<'bar'>
}

describe('barChartOptions', () => {
  it('puts the values on y for upright bars, formats ticks and tooltips from the spec', () => {
    const options = barChartOptions({
      stacked: true,
      label: (value, series) => `${series}=${value}`,
      tick: (value) => `฿${value}`,
      title: (index) => ['มกราคม', 'กุมภาพันธ์'][index] ?? '',
      autoSkip: false,
    })
    expect(options.indexAxis).toBe('x')
    const scales = options.scales as Record<string, Record<string, unknown>>
    expect(scales.y?.beginAtZero).toBe(true)
    expect(scales.x?.stacked).toBe(true)
    expect(scales.x?.ticks).toEqual({ maxRotation: 0, autoSkip: false })
    const tick = (scales.y?.ticks as { callback: (v: number) => string }).callback
    expect(tick(1500)).toBe('฿1500')
    const callbacks = options.plugins?.tooltip?.callbacks as Record<string, (arg: unknown) => string>
    expect(callbacks.label?.(item(9, 42))).toBe('กาแฟ=42')
    expect(callbacks.title?.([item(0, 0, 1)])).toBe('กุมภาพันธ์')
  })

  it('puts the values on x for sideways bars, with a top and without a tooltip title', () => {
    const options = barChartOptions({
      horizontal: true,
      max: 100,
      label: (value) => `${value}%`,
      tick: (value) => `${value}%`,
    })
    expect(options.indexAxis).toBe('y')
    const scales = options.scales as Record<string, Record<string, unknown>>
    expect(scales.x?.max).toBe(100)
    expect(scales.y?.max).toBeUndefined()
    expect(scales.y?.ticks).toEqual({ maxRotation: 0, autoSkip: true })
    const callbacks = options.plugins?.tooltip?.callbacks as Record<string, (arg: unknown) => string>
    expect(callbacks.label?.(item(37, 2))).toBe('37%')
    expect(callbacks.title).toBeUndefined()
  })
})
