import { createTheme } from '@mantine/core'

/** Sarabun is bundled (no web fonts): it covers Thai and Latin, so buttons, text and charts all use it. */
export const FONT_FAMILY = 'Sarabun, sans-serif'

export const theme = createTheme({
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '600' },
  primaryColor: 'teal',
  defaultRadius: 'md',
})
