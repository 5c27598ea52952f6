// Keys of the settings table (key -> JSON value). One place, so the demo writer and the settings engine agree.
export const SETTING_KEYS = {
  shopName: 'shop.name',
  shopAddress: 'shop.address',
  logo: 'shop.logo',
  language: 'ui.language',
  dateStyle: 'ui.date_style',
  /** Set when the database holds the generated demo shop: { seed, endDate }. */
  demo: 'demo',
} as const

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS]
