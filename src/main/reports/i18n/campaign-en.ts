// The campaign reports' words (results, letters, address labels); campaign-th.ts must match key for key.
export const campaignEn = {
  title: 'Campaign results: {{name}}',
  lettersTitle: 'Letters: {{name}}',
  labelsTitle: 'Address labels: {{name}}',
  window: 'Campaign window',
  windowValue: '{{start}} to {{end}}',
  channel: 'Channel',
  target: 'Target',
  holdout: 'Hold-out (not contacted)',
  holdoutValue: '{{share}} drawn at random (seed {{seed}})',
  group: 'Group',
  contacted: 'Contacted',
  held: 'Hold-out',
  members: 'Customers',
  responders: 'Bought in the window',
  responseRate: 'Response rate',
  revenuePerCustomer: 'Revenue per customer',
  visitsPerCustomer: 'Visits per customer',
  lift: 'Lift in response rate',
  liftValue: '{{lift}} points (95% interval {{lo}} to {{hi}})',
  revenueLift: 'Lift in revenue per customer',
  revenueLiftValue: '{{lift}} (95% interval {{lo}} to {{hi}})',
  verdict: {
    real_up:
      'The contacted customers bought more than the hold-out, and the difference is real: the 95% interval is above zero.',
    real_down:
      'The contacted customers bought less than the hold-out, and the difference is real: the 95% interval is below zero.',
    chance: 'The difference between contacted and hold-out could be chance: the 95% interval includes zero.',
    too_few: 'Nothing can be said yet: one of the groups is empty.',
  },
  notOver: 'The window is not over yet: sales up to {{date}} are counted.',
  method:
    'Every customer drawn is counted, reached or not. Response: bought at least once in the window. Interval: normal approximation for a difference of two shares (Wald) and of two means (Welch).',
  noLetters: 'No contacted customer with marketing consent.',
  dear: 'Dear {{name}}',
  addressee: '{{name}}',
  regards: 'Kind regards,',
  defaultMessage:
    'We have missed you at our shop. Come and visit us again soon; we look forward to seeing you.',
  noAddress: 'No postal address on record',
  labelsNote: '{{count}} labels (contacted customers with marketing consent and a postal address)',
  channels: { line: 'LINE', sms: 'SMS', email: 'E-mail', letter: 'Letter', phone: 'Phone' },
}
