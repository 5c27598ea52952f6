import { lukkhaSalesHeader } from './fields'
import { csvLine } from './rejected'

// The "Lukkha sales CSV" the app offers as a template: the exact header and three example lines showing a
// receipt over two lines, a walk-in sale without customer or SKU, and a refund (negative quantity). Saved
// with a BOM so Excel opens the Thai text as UTF-8.
export function templateCsv(): string {
  const rows: string[][] = [
    [
      'INV-0001',
      '2024-12-31 14:05',
      'C001',
      'สมชาย ใจดี',
      '081-234-5678',
      'somchai@example.com',
      'LAT-01',
      'ลาเต้เย็น',
      'กาแฟ',
      '2',
      '65.00',
      '130.00',
      'สาขาสยาม',
      'น้อย',
    ],
    [
      'INV-0001',
      '2024-12-31 14:05',
      'C001',
      'สมชาย ใจดี',
      '081-234-5678',
      'somchai@example.com',
      'CRO-01',
      'ครัวซองต์',
      'เบเกอรี่',
      '1',
      '45.00',
      '',
      'สาขาสยาม',
      'น้อย',
    ],
    [
      'INV-0002',
      '2025-01-02 09:30',
      '',
      '',
      '',
      '',
      '',
      'น้ำเปล่า',
      'เครื่องดื่ม',
      '1',
      '10.00',
      '10.00',
      'สาขาสยาม',
      'น้อย',
    ],
    [
      'INV-0003',
      '2025-01-03 10:00',
      'C001',
      'สมชาย ใจดี',
      '081-234-5678',
      '',
      'CRO-01',
      'ครัวซองต์',
      'เบเกอรี่',
      '-1',
      '45.00',
      '-45.00',
      'สาขาสยาม',
      'น้อย',
    ],
  ]
  return `\uFEFF${csvLine(lukkhaSalesHeader)}${rows.map(csvLine).join('')}`
}
