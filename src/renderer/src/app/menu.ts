import type { en } from '../i18n/common/en'

/** Menu entries have their labels in common:nav, so a feature needs no edit to the common text. */
export type NavKey = Exclude<keyof typeof en.nav, 'label'>

/**
 * The menu, top to bottom: `main` under the shop's name, `bottom` at the foot of the menu. The one place its
 * order is written: the app's menu (AppLayout.tsx) and the page's static frame drawn before the app's code
 * runs (src/renderer/src/static-frame/, written at build time) both read it. Every menu key is here (checked
 * below when it compiles).
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

type Listed = (typeof menu)['main'][number] | (typeof menu)['bottom'][number]
/** Compiles only while every key of common:nav (but its label) has its place in the menu. */
export const everyMenuKeyListed: [Exclude<NavKey, Listed>] extends [never] ? true : never = true
