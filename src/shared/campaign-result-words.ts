// The words of a campaign's results (contacted vs hold-out, lift, the verdict), in Thai and English: one copy
// that the campaigns page (renderer i18n) and the printed campaign report (src/main/reports/i18n) both spread
// into their own namespaces, so the screen and the paper say the same thing.

export const campaignResultWordsEn = {
  group: 'Group',
  contacted: 'Contacted',
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
}

export const campaignResultWordsTh: typeof campaignResultWordsEn = {
  group: 'กลุ่ม',
  contacted: 'กลุ่มที่ติดต่อ',
  members: 'จำนวนลูกค้า',
  responders: 'ซื้อในช่วงแคมเปญ',
  responseRate: 'อัตราการตอบสนอง',
  revenuePerCustomer: 'ยอดขายต่อลูกค้า',
  visitsPerCustomer: 'จำนวนครั้งที่มาต่อลูกค้า',
  lift: 'ส่วนต่างอัตราการตอบสนอง',
  liftValue: '{{lift}} จุด (ช่วงความเชื่อมั่น 95% {{lo}} ถึง {{hi}})',
  revenueLift: 'ส่วนต่างยอดขายต่อลูกค้า',
  revenueLiftValue: '{{lift}} (ช่วงความเชื่อมั่น 95% {{lo}} ถึง {{hi}})',
  verdict: {
    real_up: 'ลูกค้าที่ได้รับการติดต่อซื้อมากกว่ากลุ่มควบคุม และความต่างนี้เป็นผลจริง: ช่วงความเชื่อมั่น 95% อยู่เหนือศูนย์ทั้งหมด',
    real_down: 'ลูกค้าที่ได้รับการติดต่อซื้อน้อยกว่ากลุ่มควบคุม และความต่างนี้เป็นผลจริง: ช่วงความเชื่อมั่น 95% อยู่ต่ำกว่าศูนย์ทั้งหมด',
    chance: 'ความต่างระหว่างกลุ่มที่ติดต่อกับกลุ่มควบคุมอาจเกิดจากความบังเอิญ: ช่วงความเชื่อมั่น 95% ครอบคลุมศูนย์',
    too_few: 'ยังสรุปไม่ได้: มีกลุ่มใดกลุ่มหนึ่งที่ไม่มีลูกค้า',
  },
}
