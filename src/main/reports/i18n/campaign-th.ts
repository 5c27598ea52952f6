import { campaignResultWordsTh } from '../../../shared/campaign-result-words'
import type { campaignEn } from './campaign-en'

export const campaignTh: typeof campaignEn = {
  ...campaignResultWordsTh,
  title: 'ผลแคมเปญ: {{name}}',
  lettersTitle: 'จดหมาย: {{name}}',
  labelsTitle: 'ฉลากที่อยู่: {{name}}',
  window: 'ช่วงเวลาแคมเปญ',
  windowValue: '{{start}} ถึง {{end}}',
  channel: 'ช่องทาง',
  target: 'กลุ่มเป้าหมาย',
  holdout: 'กลุ่มควบคุม (ไม่ติดต่อ)',
  holdoutValue: '{{share}} สุ่มเลือก (seed {{seed}})',
  held: 'กลุ่มควบคุม',
  notOver: 'แคมเปญยังไม่สิ้นสุด: นับยอดขายถึงวันที่ {{date}}',
  method:
    'นับลูกค้าทุกคนที่สุ่มได้ ไม่ว่าจะติดต่อถึงหรือไม่ การตอบสนอง: ซื้ออย่างน้อยหนึ่งครั้งในช่วงแคมเปญ ช่วงความเชื่อมั่น: การประมาณแบบปกติสำหรับผลต่างของสัดส่วน (Wald) และของค่าเฉลี่ย (Welch)',
  noLetters: 'ไม่มีลูกค้าที่ได้รับการติดต่อและให้ความยินยอมทางการตลาด',
  dear: 'เรียน คุณ{{name}}',
  addressee: 'คุณ{{name}}',
  regards: 'ขอแสดงความนับถือ',
  defaultMessage: 'ทางร้านคิดถึงคุณ แวะมาเยี่ยมเราอีกนะคะ เรายินดีต้อนรับเสมอ',
  noAddress: 'ไม่มีที่อยู่ทางไปรษณีย์ในระบบ',
  labelsNote: 'ฉลาก {{count}} ดวง (ลูกค้าที่ได้รับการติดต่อ ให้ความยินยอมทางการตลาด และมีที่อยู่)',
  channels: { line: 'LINE', sms: 'SMS', email: 'อีเมล', letter: 'จดหมาย', phone: 'โทรศัพท์' },
}
