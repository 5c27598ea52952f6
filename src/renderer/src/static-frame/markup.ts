import type { Language } from '../../../shared/api/setting-words'
import { menu, type NavKey } from '../app/menu'
import dashboard from '../features/dashboard/i18n'
import common from '../i18n/common'

// The static frame: the app's shell (menu, the dashboard's title and KPI card outlines) as plain HTML in the
// page, so the window paints the app's outline as soon as the HTML and its CSS arrive instead of an empty page
// until the app's code has loaded and run. Written at build time (src/renderer/static-frame-plugin.ts) into
// each language's page with the same texts the app draws (the i18n catalogue) and the same geometry
// (static-frame.css, measured against the app at 1366x768); the app removes it when its own screen is drawn
// (useStaticFrameGone). No script: nothing here runs in the page.

/** The frame's element id, which the app looks for to remove it. */
export const STATIC_FRAME_ID = 'static-frame'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)

/** The frame in `language`, one line of HTML (hidden from assistive technology: the app's own screen follows). */
export function staticFrameMarkup(language: Language): string {
  const words = common[language]
  const dash = dashboard[language]
  const link = (id: NavKey): string =>
    `<div class="sf-link${id === 'dashboard' ? ' sf-active' : ''}"><div><span>${escape(words.nav[id])}</span></div></div>`
  const card = (label: string): string =>
    `<div class="sf-card"><p>${escape(label)}</p><div class="sf-value"></div><div class="sf-hints"></div></div>`
  const kpi = dash.kpi
  return [
    `<div id="${STATIC_FRAME_ID}" aria-hidden="true">`,
    `<div class="sf-nav"><div class="sf-badge"><p>${escape(words.appName)}</p></div>`,
    `<div class="sf-links sf-grow">${menu.main.map(link).join('')}</div>`,
    `<div class="sf-links sf-bottom">${menu.bottom.map(link).join('')}</div></div>`,
    `<div class="sf-main"><p class="sf-title">${escape(dash.title)}</p><div class="sf-subtitle"></div>`,
    `<div class="sf-kpis">${[kpi.customers, kpi.active, kpi.new, kpi.revenue].map(card).join('')}</div></div>`,
    `</div>`,
  ].join('')
}
