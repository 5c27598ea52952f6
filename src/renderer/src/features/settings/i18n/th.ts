import type { Messages } from '../../../i18n/types'
import type { en } from './en'

export const th: Messages<typeof en> = {
  title: 'ตั้งค่า',
  subtitle: 'ข้อมูลร้านที่แสดงบนหน้าจอและในรายงานที่พิมพ์ และรูปแบบภาษาและวันที่',
  shop: {
    title: 'ข้อมูลร้าน',
    name: 'ชื่อร้าน',
    address: 'ที่อยู่',
    save: 'บันทึกข้อมูลร้าน',
    saved: 'บันทึกข้อมูลร้านแล้ว',
  },
  logo: {
    title: 'โลโก้',
    hint: 'ไฟล์ภาพ PNG, JPEG หรือ WebP ขนาดไม่เกิน 512 KB แสดงในเมนูและในรายงานที่พิมพ์',
    choose: 'เลือกรูปภาพ…',
    remove: 'ลบโลโก้',
    none: 'ยังไม่มีโลโก้',
    alt: 'โลโก้ร้าน',
    tooBig: 'รูปนี้มีขนาด {{size}} KB เกินขนาดสูงสุด 512 KB',
    wrongType: 'กรุณาใช้ไฟล์ภาพ PNG, JPEG หรือ WebP',
    saved: 'บันทึกโลโก้แล้ว',
  },
  display: {
    title: 'ภาษาและวันที่',
    language: 'ภาษา',
    dateStyle: 'รูปแบบวันที่',
    buddhist: 'พุทธศักราช: {{example}}',
    gregorian: 'คริสต์ศักราช: {{example}}',
  },
}
