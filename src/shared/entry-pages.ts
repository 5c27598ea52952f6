import type { Language } from './api/setting-words'

// The built renderer has one HTML page per language, each holding the app's static frame (menu, page title,
// card outlines) in that language, painted before the app's code runs (src/renderer/static-frame-plugin.ts
// writes them). Whoever opens the window (src/main/index.ts) or serves the page (the test harness) picks the
// page of the language the app will draw in, so the first paint and the app agree.

/** The page of each language, a file name in the built renderer folder (out/renderer). */
export const entryPages: Record<Language, string> = { th: 'index.html', en: 'index.en.html' }
