export const en = {
  title: 'Dashboard',
  kpi: {
    customers: 'Customers',
    customersHint: 'in your customer book',
    active: 'Active in the last 90 days',
    activeHint: '{{share}} of all customers',
    new: 'New this month',
    newHint: 'first purchase in {{month}}',
    revenue: 'Revenue this month',
    vsLastMonth: '{{change}} against the same days last month',
    noComparison: 'No sales in the same days last month',
    lastMonthTotal: 'Last month in all: {{amount}}',
  },
  chart: {
    title: 'Net revenue by month',
    dataset: 'Net revenue (baht)',
    aria: 'Bar chart of net revenue for the 12 months up to {{month}}',
  },
  top: {
    title: 'Best sellers, last 90 days',
    product: 'Product',
    category: 'Category',
    quantity: 'Units',
    revenue: 'Net revenue',
    empty: 'No sales in the 90 days up to this date.',
  },
  emptyState: {
    title: 'No sales yet',
    text: 'Import the sales export of your POS (Loyverse, Square, Shopify or any CSV or Excel file) and your figures appear here.',
    import: 'Import your sales',
  },
}
