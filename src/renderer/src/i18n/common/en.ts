// Text shared by the whole app: the menu, buttons. Error sentences: the errors namespace (i18n/errors).
// A feature's own text lives in its folder.
export const en = {
  appName: 'Lukkha',
  nav: {
    label: 'Main menu',
    dashboard: 'Dashboard',
    customers: 'Customers',
    import: 'Import',
    surveys: 'Surveys',
    segments: 'Segments',
    bestCustomers: 'Best customers',
    slipping: 'Slipping away',
    cohorts: 'Cohorts',
    products: 'Products & baskets',
    campaigns: 'Campaigns',
    retention: 'Retention',
    growth: 'Growth',
    reports: 'Reports',
    settings: 'Settings',
    backups: 'Backups',
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    retry: 'Try again',
  },
  state: {
    loading: 'Loading…',
    saved: 'Saved',
    demoData: 'Demo data',
  },
  language: {
    label: 'Language',
  },
}
