export const en = {
  title: 'Welcome to Lukkha',
  subtitle: 'Get to know your customers from the sales you already have.',
  import: {
    title: 'Import a POS export',
    description:
      'Bring in the sales and customers exported from Loyverse, Square, Shopify, or any CSV or Excel file.',
    action: 'Import a POS export',
    soon: 'Importing arrives in a coming update.',
  },
  demo: {
    title: 'Explore with a demo shop',
    description:
      'See every screen filled with a made-up café-bakery: about 1,500 customers, 18 months of sales and survey answers. It goes into this empty database.',
    action: 'Explore with a demo shop',
    phase: {
      customers: 'Creating customers and their visits…',
      receipts: 'Adding walk-in sales…',
      saving: 'Saving to the database…',
    },
  },
  privacy: 'No account and no internet: your shop data stays on this computer.',
}
