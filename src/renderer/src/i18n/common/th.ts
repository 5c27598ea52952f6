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
    backups: 'สำรองข้อมูล',
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
}
