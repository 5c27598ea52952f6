import type { Messages } from '../../../i18n/types'
import type { en } from './en'

export const th: Messages<typeof en> = {
  title: 'ภาพรวม',
  subtitle: 'ข้อมูลถึงวันที่ {{date}}',
  kpi: {
    customers: 'ลูกค้าทั้งหมด',
    customersHint: 'ในสมุดรายชื่อลูกค้า',
    active: 'ลูกค้าที่ซื้อใน 90 วันล่าสุด',
    activeHint: '{{share}} ของลูกค้าทั้งหมด',
    new: 'ลูกค้าใหม่เดือนนี้',
    newHint: 'ซื้อครั้งแรกใน{{month}}',
    revenue: 'ยอดขายเดือนนี้',
    vsLastMonth: '{{change}} เทียบกับช่วงเดียวกันของเดือนก่อน',
    noComparison: 'ไม่มียอดขายในช่วงเดียวกันของเดือนก่อน',
    lastMonthTotal: 'ยอดขายทั้งเดือนที่แล้ว {{amount}}',
  },
  chart: {
    title: 'ยอดขายสุทธิรายเดือน',
    dataset: 'ยอดขายสุทธิ (บาท)',
    aria: 'กราฟแท่งยอดขายสุทธิ 12 เดือนจนถึง{{month}}',
  },
  top: {
    title: 'สินค้าขายดี 90 วันล่าสุด',
    product: 'สินค้า',
    category: 'หมวดหมู่',
    quantity: 'จำนวน',
    revenue: 'ยอดขายสุทธิ',
    empty: 'ไม่มียอดขายใน 90 วันล่าสุด',
  },
  empty: 'ยังไม่มียอดขาย เมื่อนำเข้าไฟล์จาก POS แล้ว ตัวเลขของร้านจะแสดงที่นี่',
}
