// Text of the shared components: the "figures up to" line every page shows, contact links, list export.
export const en = {
  asOf: {
    lastSale: 'Figures up to {{date}}, the day of your last sale',
    chosen: 'Figures up to {{date}}, a date you chose',
    noSales: 'No sales yet',
    pick: 'Figures up to',
    backToLast: 'Back to the last sale',
    stale: 'Your sales data ends on {{date}}, {{days}} days ago. The figures describe that time.',
    importNewer: 'Import newer sales',
  },
  dateField: {
    placeholder: 'Day/month/year',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    previousYear: 'Previous year',
    nextYear: 'Next year',
    previousDecade: 'Previous years',
    nextDecade: 'Next years',
    monthLevel: 'Choose a month',
    yearLevel: 'Choose a year',
  },
  contacts: {
    phone: 'Phone',
    line: 'LINE',
    email: 'E-mail',
    none: 'No contact details',
    call: 'Call {{value}}',
    mail: 'Send an e-mail to {{value}}',
    chat: 'Open LINE for {{value}}',
  },
  export: {
    button: 'Export this list',
    csv: 'CSV (Excel, Google Sheets)',
    xlsx: 'Excel workbook (.xlsx)',
    done: 'Exported {{rows}} customers to the file:',
  },
}
