import { campaignResultWordsEn } from '../../../shared/campaign-result-words'
// The campaign reports' words (results, letters, address labels); campaign-th.ts must match key for key.

export const campaignEn = {
  ...campaignResultWordsEn,
  title: 'Campaign results: {{name}}',
  lettersTitle: 'Letters: {{name}}',
  labelsTitle: 'Address labels: {{name}}',
  window: 'Campaign window',
  windowValue: '{{start}} to {{end}}',
  channel: 'Channel',
  target: 'Target',
  holdout: 'Hold-out (not contacted)',
  holdoutValue: '{{share}} drawn at random (seed {{seed}})',
  held: 'Hold-out',
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
