import type { Messages } from '../../i18n/types'
import type { en } from './en'

export const th: Messages<typeof en> = {
  asOf: {
    lastSale: 'ตัวเลขถึงวันที่ {{date}} ซึ่งเป็นวันที่ขายล่าสุด',
    chosen: 'ตัวเลขถึงวันที่ {{date}} ตามวันที่คุณเลือก',
    noSales: 'ยังไม่มียอดขาย',
    pick: 'ตัวเลขถึงวันที่',
    backToLast: 'กลับไปที่วันที่ขายล่าสุด',
    stale: 'ข้อมูลการขายสิ้นสุดวันที่ {{date}} เมื่อ {{days}} วันที่แล้ว ตัวเลขในหน้านี้เป็นของช่วงเวลานั้น',
    importNewer: 'นำเข้ายอดขายที่ใหม่กว่า',
  },
  dateField: {
    placeholder: 'วัน/เดือน/ปี',
    previousMonth: 'เดือนก่อน',
    nextMonth: 'เดือนถัดไป',
    previousYear: 'ปีก่อน',
    nextYear: 'ปีถัดไป',
    previousDecade: 'ช่วงปีก่อน',
    nextDecade: 'ช่วงปีถัดไป',
    monthLevel: 'เลือกเดือน',
    yearLevel: 'เลือกปี',
  },
  contacts: {
    phone: 'โทรศัพท์',
    line: 'ไลน์',
    email: 'อีเมล',
    none: 'ไม่มีข้อมูลติดต่อ',
    call: 'โทรหา {{value}}',
    mail: 'ส่งอีเมลถึง {{value}}',
    chat: 'เปิดไลน์ของ {{value}}',
  },
  export: {
    button: 'ส่งออกรายชื่อนี้',
    csv: 'ไฟล์ CSV (เปิดด้วย Excel หรือ Google Sheets)',
    xlsx: 'ไฟล์ Excel (.xlsx)',
    done: 'ส่งออกลูกค้า {{rows}} คนเป็นไฟล์แล้ว:',
  },
}
