// Text shared by the whole app: the menu, buttons, error messages. A feature's own text lives in its folder.
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
  errors: {
    title: 'That did not work',
    validation: 'The request was not valid.',
    not_found: 'It was not found; it may have been deleted.',
    conflict: 'That clashes with what is already stored.',
    bad_input: 'The file or value cannot be used.',
    in_use: 'Another Lukkha window or program is using this database.',
    too_new: 'This database was made by a newer version of Lukkha. Update Lukkha to open it.',
    cancelled: 'Cancelled.',
    internal: 'Something went wrong inside Lukkha.',
  },
}
