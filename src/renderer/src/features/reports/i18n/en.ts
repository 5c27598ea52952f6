// The Reports page and the print preview. The reports' own words are printed from the main process
// (src/main/reports/i18n), so the CLI writes the same pages.
export const en = {
  title: 'Reports',
  subtitle: 'Customer reports to print or keep as PDF',
  open: 'Preview',
  list: {
    segments: {
      title: 'Customer segments',
      text: 'The segment grid, each segment’s size, revenue and what to do.',
    },
    value: {
      title: 'Customer value and customers at risk',
      text: 'Value tiers, who brings 80% of the revenue, the most valuable customers and those slipping away.',
    },
    retention: {
      title: 'Retention and growth',
      text: 'Monthly cohorts, new and returning revenue, second purchases.',
    },
    callList: {
      title: 'Call list: valuable customers at risk',
      text: 'Names, phones and LINE with room to write notes.',
    },
    satisfaction: {
      title: 'Customer satisfaction',
      text: 'Levels per aspect, net delight with its range, what to improve first, the trend and the comments.',
    },
    baskets: {
      title: 'Products and baskets',
      text: 'Best sellers, what sells together, what goes with each best seller and what to offer the best customers.',
    },
  },
  preview: {
    title: 'Print preview',
    back: 'Back',
    print: 'Print',
    savePdf: 'Save as PDF',
    saved: 'Saved {{fileName}}',
    frame: 'Report preview',
  },
  button: {
    print: 'Print',
    callList: 'Print call list',
    profile: 'Print profile',
  },
}
