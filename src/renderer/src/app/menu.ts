import type { en } from '../i18n/common/en'

/** Menu entries have their labels in common:nav, so a feature needs no edit to the common text. */
export type NavKey = Exclude<keyof typeof en.nav, 'label'>

/**
 * The menu, top to bottom: `main` under the shop's name, `bottom` at the foot of the menu. The one place its
 * order is written: the app's menu (AppLayout.tsx) and the page's static frame drawn before the app's code
 * runs (src/renderer/src/static-frame/, written at build time) both read it. Every feature route (features.tsx) is here
 * once (test/renderer/menu.test.ts).
 */
export const menu = {
  main: [
    'dashboard',
    'customers',
    'import',
    'surveys',
    'segments',
    'bestCustomers',
    'slipping',
    'retention',
    'cohorts',
    'growth',
    'products',
    'campaigns',
    'reports',
  ],
  bottom: ['settings', 'backups'],
} as const satisfies Record<'main' | 'bottom', readonly NavKey[]>
