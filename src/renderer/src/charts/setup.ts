import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useState } from 'react'
import { FONT_FAMILY } from '../app/theme'

// Chart.js draws on a canvas, which neither inherits CSS fonts nor redraws when a font arrives: without
// Sarabun set here and loaded before the first chart, Thai labels come out as empty boxes.
Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend)
Chart.defaults.font.family = FONT_FAMILY
Chart.defaults.font.size = 13
Chart.defaults.color = '#495057'

let fontsReady: Promise<unknown> | null = null

function loadFonts(): Promise<unknown> {
  fontsReady ??= Promise.all(
    ['400', '600'].map((weight) => document.fonts.load(`${weight} 13px Sarabun`, 'กขค ABC 123')),
  )
  return fontsReady
}

/** True once Sarabun (Thai and Latin) is loaded, so a chart drawn now shows real glyphs. */
export function useChartFonts(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let live = true
    void loadFonts().then(() => {
      if (live) setReady(true)
    })
    return () => {
      live = false
    }
  }, [])
  return ready
}
