import { createTheme } from '@mantine/core'

/** Sarabun is bundled (no web fonts): it covers Thai and Latin, so buttons, text and charts all use it. */
export const FONT_FAMILY = 'Sarabun, sans-serif'

export const theme = createTheme({
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '600' },
  primaryColor: 'teal',
  // Shade 8 keeps white-on-teal buttons and teal links above 4.5:1 contrast (shade 6 is about 2.5:1).
  primaryShade: 8,
  defaultRadius: 'md',
})
