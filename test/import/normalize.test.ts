import { parsePhoneNumberFromString } from 'libphonenumber-js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addEvidence, decideOrder, emptyEvidence } from '../../src/main/import/date-order'
import { parseQuantity, parseSatang } from '../../src/main/import/normalize/amounts'
import {
  cleanName,
  normalizeEmail,
  normalizePhone,
  splitContact,
} from '../../src/main/import/normalize/contacts'
import { gregorianYear, parseAnyDateTime, parseDateTime } from '../../src/main/import/normalize/dates'

describe('dates', () => {
  it.each([
    ['2024-05-01', null, '2024-05-01T00:00:00'],
    ['2024-05-01T10:00:00', null, '2024-05-01T10:00:00'],
    ['2026-07-18 12:59:30', null, '2026-07-18T12:59:30'],
    ['31/12/2025 14:05', 'dmy', '2025-12-31T14:05:00'],
    ['31/12/2567 14:05', 'dmy', '2024-12-31T14:05:00'], // Buddhist era
    ['1/1/2568 08:30', 'dmy', '2025-01-01T08:30:00'],
    ['7/28/26 1:33 PM', 'mdy', '2026-07-28T13:33:00'], // Loyverse, M/D/YY 12-hour
    ['12/1/26 12:05 AM', 'mdy', '2026-12-01T00:05:00'],
    ['3/4/26 12:00 PM', 'dmy', '2026-04-03T12:00:00'],
    ['25.01.2025 14:30', 'dmy', '2025-01-25T14:30:00'],
    ['15-02-2568', 'dmy', '2025-02-15T00:00:00'],
    ['31/12/67', 'dmy', '2024-12-31T00:00:00'], // two-digit BE year
    ['14:05 31/12/2025', 'dmy', null],
    ['18 Jul 2026', null, '2026-07-18T00:00:00'],
    ['Jul 18, 2026 3:04 PM', null, '2026-07-18T15:04:00'],
    ['31 ธ.ค. 2567', null, '2024-12-31T00:00:00'],
    ['1 มกราคม 2568 09:00 น.', null, '2025-01-01T09:00:00'],
  ] as const)('%s (%s) -> %s', (value, order, expected) => {
    expect(parseDateTime(value, order)).toBe(expected)
  })

  it('moves a timestamp with a UTC offset to the shop time zone (Bangkok, +07:00)', () => {
    expect(parseDateTime('2024-05-02 03:30:00 +0000', null)).toBe('2024-05-02T10:30:00')
    expect(parseDateTime('2024-05-01 10:00:00 +0700', null)).toBe('2024-05-01T10:00:00')
    expect(parseDateTime('2024-05-01T20:00:00Z', null)).toBe('2024-05-02T03:00:00')
    expect(parseDateTime('2024-05-01T20:00:00-05:00', null)).toBe('2024-05-02T08:00:00')
  })

  it('refuses dates that do not exist or do not fit the order', () => {
    expect(parseDateTime('32/13/2025', 'dmy')).toBeNull()
    expect(parseDateTime('29/2/2025', 'dmy')).toBeNull()
    expect(parseDateTime('29/2/2024', 'dmy')).toBe('2024-02-29T00:00:00')
    expect(parseDateTime('12/27/2018', 'dmy')).toBeNull()
    expect(parseDateTime('2025-05-01 25:00', null)).toBeNull()
    expect(parseDateTime('13:00 PM 1/1/2025', 'dmy')).toBeNull()
    expect(parseDateTime('yesterday', 'dmy')).toBeNull()
    expect(parseDateTime('', 'dmy')).toBeNull()
  })

  it('reads the common shapes by character codes exactly as the patterns read them', () => {
    // parseDateTime's fast path (d/m/y H:MM and its kin) against the regex reading, on the common shapes and
    // their near misses (3- and 5-digit parts, other separators, AM/PM, zones, seconds, fractions)
    const num = (max: number): fc.Arbitrary<string> =>
      fc
        .tuple(fc.integer({ min: 0, max }), fc.boolean())
        .map(([n, pad]) => (pad && n < 10 ? `0${n}` : String(n)))
    const sep = fc.constantFrom('/', '-', '.', ':')
    const seps = fc.oneof(
      { weight: 6, arbitrary: sep.map((x) => [x, x]) },
      { weight: 1, arbitrary: fc.tuple(sep, sep) },
    )
    const a = fc.oneof(
      num(35),
      fc.constantFrom('2025', '2568', '2024', '2567', '1899', '202', '012', '12345'),
    )
    const b = fc.oneof(num(13), num(32), fc.constantFrom('123', ''))
    const c = fc.oneof(
      fc.constantFrom('2025', '2568', '25', '68', '2024', '1899', '2201', '202', '012', '12345', ''),
      num(31),
    )
    const time = fc.oneof(
      { weight: 1, arbitrary: fc.constant('') },
      fc
        .tuple(
          fc.constantFrom(' ', ' ', ' ', 'T', '  ', ', ', ' x'),
          fc.oneof(num(25), fc.constantFrom('123', '')),
          fc.constantFrom(':', '.'),
          fc.oneof(num(60), fc.constantFrom('123', '')),
          fc.constantFrom(
            '',
            '',
            '',
            ':00',
            ':59',
            ':60',
            ':5',
            ':123',
            ' PM',
            'am',
            'Z',
            ' +0700',
            '.5',
            ' ',
            'น.',
          ),
        )
        .map((p) => p.join('')),
    )
    const value = fc
      .tuple(fc.constantFrom('', '', '', ' '), a, seps, b, c, time)
      .map(([lead, x, [s1, s2], y, z, t]) => `${lead}${x}${s1}${y}${s2}${z}${t}`)
    fc.assert(
      fc.property(value, fc.constantFrom('dmy' as const, 'mdy' as const, null), (v, order) => {
        expect(parseDateTime(v, order)).toBe(parseAnyDateTime(v, order))
      }),
      { seed: 1201, numRuns: 20000 },
    )
    for (const v of ['1/1/2025 24:00', '2025-01-012', '1/2/2025, 08:03', '3/3/25 9:05', '1/13/2568T23:59:60'])
      for (const order of ['dmy', 'mdy', null] as const)
        expect(parseDateTime(v, order)).toBe(parseAnyDateTime(v, order))
    expect(parseDateTime('1/2/2025 08:03', 'dmy')).toBe('2025-02-01T08:03:00')
    expect(parseDateTime('2568-02-29 8:03:09', null)).toBeNull()
    expect(parseDateTime('2567-02-29T23:59', null)).toBe('2024-02-29T23:59:00')
  })

  it('never guesses an ambiguous day/month without an order', () => {
    expect(parseDateTime('3/4/2026', null)).toBeNull()
    expect(parseDateTime('13/4/2026', null)).toBe('2026-04-13T00:00:00')
  })

  it('converts years', () => {
    expect(gregorianYear('2567')).toBe(2024)
    expect(gregorianYear('2024')).toBe(2024)
    expect(gregorianYear('26')).toBe(2026)
    expect(gregorianYear('67')).toBe(2024)
    expect(gregorianYear('1800')).toBeNull()
  })

  it('decides the day/month order from every date, asking when both fit', () => {
    const decide = (values: string[]): ReturnType<typeof decideOrder> => {
      const e = emptyEvidence()
      for (const v of values) addEvidence(e, v)
      return decideOrder(e)
    }
    expect(decide(['3/4/26', '31/12/2025'])).toEqual({ order: 'dmy', ambiguous: false })
    expect(decide(['3/4/26', '7/28/26 1:33 PM'])).toEqual({ order: 'mdy', ambiguous: false })
    expect(decide(['3/4/26', '5/6/26'])).toEqual({ order: null, ambiguous: true })
    expect(decide(['1/1/2026', '5/5/2026'])).toEqual({ order: 'dmy', ambiguous: false }) // reads the same
    expect(decide(['2024-05-01'])).toEqual({ order: null, ambiguous: false })
    // neither fits every row: the better one; the misfit is reported as a bad date
    expect(decide(['31/1/2026', '30/1/2026', '1/31/2026'])).toEqual({ order: 'dmy', ambiguous: false })
  })
})

describe('amounts', () => {
  it.each([
    ['1234.50', '.', 123450],
    ['฿1,234.50', '.', 123450],
    ['"$1,149.00 "'.slice(1, -1), '.', 114900],
    ['(12.00)', '.', -1200],
    ['(฿30.00)', '.', -3000],
    ['-฿20.00', '.', -2000],
    ['-12', '.', -1200],
    ['12-', '.', -1200],
    ['1.234,50', ',', 123450],
    ['50,00', ',', 5000],
    ['1 234,5 บาท', ',', 123450],
    ['0.005', '.', 1],
    ['-0.5', '.', -50],
    ['0.30000000000000004', '.', 30],
    ['100', '.', 10000],
  ] as const)('%s (decimal %s) -> %d satang', (raw, decimal, satang) => {
    expect(parseSatang(raw, decimal)).toBe(satang)
  })

  it('tells an empty amount from text that is not one', () => {
    expect(parseSatang('', '.')).toBeUndefined()
    expect(parseSatang('  ', '.')).toBeUndefined()
    expect(parseSatang('ten baht', '.')).toBeNull()
    expect(parseSatang('1.2.3', '.')).toBeNull()
    expect(parseSatang('12abc', '.')).toBeNull()
  })

  it('refuses thousands marks that do not group thousands, instead of misreading the amount', () => {
    expect(parseSatang('1.234,50', '.')).toBeNull() // a decimal-comma file read with a decimal dot
    expect(parseSatang('1,234.50', ',')).toBeNull() // and the other way round
    expect(parseSatang('12,34', '.')).toBeNull()
    expect(parseSatang('1,234,567.5', '.')).toBe(123456750)
    expect(parseSatang('1.234.567,5', ',')).toBe(123456750)
    expect(parseQuantity('1.234,5', '.')).toBeNull()
  })

  it('reads quantities', () => {
    expect(parseQuantity('1.000')).toBe(1)
    expect(parseQuantity('-2')).toBe(-2)
    expect(parseQuantity('0,5', ',')).toBe(0.5)
    expect(parseQuantity('two')).toBeNull()
    expect(parseQuantity('0x10')).toBeNull()
    expect(parseQuantity('')).toBeUndefined()
  })
})

describe('contacts', () => {
  it('writes Thai phone numbers in E.164, as libphonenumber-js does', () => {
    for (const raw of ['081-234-5678', '0812345678', '+66 81 234 5678', "'+66812345678", '(081) 234-5678']) {
      expect(normalizePhone(raw)).toBe('+66812345678')
    }
    expect(normalizePhone('02-123-4567')).toBe('+6621234567')
    expect(normalizePhone('+15623972052')).toBe('+15623972052')
    expect(normalizePhone('12345')).toBeNull()
    expect(normalizePhone('')).toBeNull()
    // the same result as the library on its own, for a spread of mobile numbers
    for (let i = 0; i < 200; i++) {
      const local = `0${[6, 8, 9][i % 3]}${String((i * 7_919_113) % 100_000_000).padStart(8, '0')}`
      expect(normalizePhone(local)).toBe(parsePhoneNumberFromString(local, 'TH')?.number ?? null)
    }
  })

  it('lower-cases e-mails and refuses what is not one', () => {
    expect(normalizeEmail(' SOMSRI@Example.com ')).toBe('somsri@example.com')
    expect(normalizeEmail('not an email')).toBeNull()
  })

  it('splits a Loyverse contact into a phone or an e-mail', () => {
    expect(splitContact('somsri@example.com')).toEqual({ phone: null, email: 'somsri@example.com' })
    expect(splitContact('081-234-5678')).toEqual({ phone: '+66812345678', email: null })
  })

  it('trims names and normalises Unicode (NFC)', () => {
    expect(cleanName('  สมชาย   ใจดี ')).toBe('สมชาย ใจดี')
    expect(cleanName('Jose\u0301')).toBe('José')
    expect(cleanName('Jose\u0301')).toHaveLength(4)
  })
})
