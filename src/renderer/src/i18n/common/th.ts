import type { Messages } from '../types'
import type { en } from './en'

export const th: Messages<typeof en> = {
  appName: 'Lukkha',
  nav: {
    label: 'เมนูหลัก',
    dashboard: 'ภาพรวม',
    customers: 'ลูกค้า',
    import: 'นำเข้าข้อมูล',
    surveys: 'แบบสอบถาม',
    segments: 'กลุ่มลูกค้า',
    bestCustomers: 'ลูกค้าชั้นดี',
    slipping: 'ลูกค้าที่กำลังหายไป',
    cohorts: 'การกลับมาซื้อซ้ำ',
    products: 'สินค้าและตะกร้า',
    campaigns: 'แคมเปญ',
    retention: 'รักษาลูกค้า',
    growth: 'การเติบโต',
    reports: 'รายงาน',
    settings: 'ตั้งค่า',
  },
  actions: {
    save: 'บันทึก',
    cancel: 'ยกเลิก',
    retry: 'ลองอีกครั้ง',
  },
  state: {
    loading: 'กำลังโหลด…',
    saved: 'บันทึกแล้ว',
    demoData: 'ข้อมูลตัวอย่าง',
  },
  language: {
    label: 'ภาษา',
  },
  errors: {
    title: 'ทำรายการไม่สำเร็จ',
    validation: 'คำขอไม่ถูกต้อง',
    not_found: 'ไม่พบข้อมูล อาจถูกลบไปแล้ว',
    conflict: 'ขัดกับข้อมูลที่บันทึกไว้แล้ว',
    bad_input: 'ไม่สามารถใช้ไฟล์หรือค่านี้ได้',
    in_use: 'มีหน้าต่างหรือโปรแกรม Lukkha อื่นกำลังใช้ฐานข้อมูลนี้อยู่',
    too_new: 'ฐานข้อมูลนี้สร้างจาก Lukkha รุ่นใหม่กว่า กรุณาอัปเดต Lukkha ก่อนเปิด',
    cancelled: 'ยกเลิกแล้ว',
    internal: 'เกิดข้อผิดพลาดภายใน Lukkha',
  },
}
