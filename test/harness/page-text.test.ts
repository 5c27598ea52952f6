import { describe, expect, it } from 'vitest'
import { foreignText } from './page-text'

describe('foreignText', () => {
  it('catches internal field keys in both languages and English words in Thai', () => {
    expect(foreignText(['receipt_number: ต้องมีค่า', 'net_amount', 'ยอดขาย (net_amount)'], 'th')).toHaveLength(3)
    expect(foreignText(['receipt_number: required', 'Date: required'], 'en')).toEqual([
      'receipt_number: required',
    ])
    expect(foreignText(['The row has a different number of columns'], 'th')).toHaveLength(1)
    // product names, file names, e-mails and allowed words are not keys
    expect(foreignText(['ไฟล์ CSV จาก Loyverse', 'sales_may.csv', 'somchai_j@example.com'], 'th')).toEqual([
      'sales_may.csv',
      'somchai_j@example.com',
    ])
    expect(foreignText(['sales_may.csv', 'somchai_j@example.com', 'Iced latte'], 'en')).toEqual([])
  })
})
