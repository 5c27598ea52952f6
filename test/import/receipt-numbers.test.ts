import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ReceiptNumbers } from '../../src/main/import/receipt-numbers'

// ReceiptNumbers (src/main/import/receipt-numbers.ts) keeps prefix + counter numbers in pages and the rest in
// a Map: whatever the numbers, it must answer exactly as a Map of the same texts does. Compared on generated
// sequences of sets and gets over numbers that look alike: the same counter with and without leading zeros,
// prefixes that end in digits, empty prefixes, 9 and 10 digits, dense and very sparse counters.

const numberText = fc.oneof(
  fc.tuple(fc.constantFrom('', '2-', 'R', 'POS1-', '1', '#'), fc.nat(3000)).map(([p, n]) => `${p}${n}`),
  fc.tuple(fc.constantFrom('', 'A-'), fc.integer({ min: 0, max: 9_999_999_999 })).map(([p, n]) => `${p}${n}`),
  fc.tuple(fc.constantFrom('', '2-'), fc.nat(999)).map(([p, n]) => `${p}0${n}`),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('0', '00', '999999999', '1000000000', '-1', '1e3', '٣', 'ก-1'),
)

describe('ReceiptNumbers', () => {
  it('answers as a Map of the same numbers does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), numberText, fc.integer({ min: 1, max: 2 ** 40 })), {
          maxLength: 400,
        }),
        (ops) => {
          const numbers = new ReceiptNumbers()
          const map = new Map<string, number>()
          for (const [isSet, text, value] of ops) {
            if (isSet) {
              numbers.set(text, value)
              map.set(text, value)
            } else expect(numbers.get(text)).toBe(map.get(text))
            expect(numbers.size).toBe(map.size)
          }
          for (const text of map.keys()) expect(numbers.get(text)).toBe(map.get(text))
        },
      ),
      { seed: 20261201, numRuns: 500 },
    )
  })

  it('keeps a million sequential numbers and sparse ones apart', () => {
    const numbers = new ReceiptNumbers()
    for (let i = 1; i <= 1_000_000; i++) numbers.set(`2-${i}`, i)
    for (let i = 0; i < 1000; i++) numbers.set(`9-${i * 1_000_003}`, -i)
    expect(numbers.size).toBe(1_001_000)
    expect(numbers.get('2-1')).toBe(1)
    expect(numbers.get('2-01')).toBeUndefined()
    expect(numbers.get('2-1000000')).toBe(1_000_000)
    expect(numbers.get('2-1000001')).toBeUndefined()
    expect(numbers.get('9-999002997')).toBe(-999)
    expect(numbers.get('9-999002998')).toBeUndefined()
  })
})
