// The colour scale of the RFM grid and the cohort matrix: from Mantine's teal 0 to teal 9 as a share grows,
// with the text in whichever of black or white contrasts more with the cell. One of the two always reaches
// at least 4.58:1 (WCAG AA for normal text is 4.5), whatever the background; a softer near-black would not
// (#212529 falls to 4.4 on mid-teal).

type Rgb = [number, number, number]

const LOW: Rgb = [230, 252, 245] // teal 0, #e6fcf5
const HIGH: Rgb = [8, 127, 91] // teal 9, #087f5b
const DARK_TEXT: Rgb = [0, 0, 0]
const LIGHT_TEXT: Rgb = [255, 255, 255]

/** An empty cell: a neutral grey with dark grey text, so "0" reads as nothing rather than as a low value. */
export const EMPTY_CELL = { background: '#f1f3f5', color: '#495057' } as const

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number): number => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

export function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

const css = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`

export interface CellColour {
  background: string
  color: string
}

/** The colour of a cell whose value is `ratio` (0..1) of the scale's top. */
export function heatColour(ratio: number): CellColour {
  const t = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0))
  const mix = (i: 0 | 1 | 2): number => Math.round(LOW[i] + (HIGH[i] - LOW[i]) * t)
  const background: Rgb = [mix(0), mix(1), mix(2)]
  const text = contrast(background, DARK_TEXT) >= contrast(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT
  return { background: css(background), color: css(text) }
}
