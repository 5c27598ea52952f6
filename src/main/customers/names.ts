import { cleanName } from './contacts'

// The form two names are compared in when looking for duplicates: without titles, spaces, punctuation, Thai
// tone marks and other marks above or below the line, lower-cased. "คุณสมชาย ใจดี", "นายสมชาย  ใจดี" and
// "สมชาย ใจดี่" agree; "Mr. John Smith" and "john smith" agree.

const THAI_TITLES = ['นางสาว', 'คุณ', 'นาย', 'นาง', 'น.ส.', 'ด.ช.', 'ด.ญ.', 'ดร.']
const LATIN_TITLES = /^(mr|mrs|ms|miss|mx|dr|khun)\.?\s+/i
// Thai tone marks (่ ้ ๊ ๋), thanthakhat (์), maitaikhu (็), nikhahit and yamakkan; Latin combining marks
const MARKS = /[\u0E47-\u0E4E\u0300-\u036f]/g
const NOISE = /[\s.,'"()\-_/]/g

export function matchKey(raw: string): string {
  let name = cleanName(raw).normalize('NFD')
  for (let again = true; again;) {
    again = false
    const latin = LATIN_TITLES.exec(name)
    if (latin) {
      name = name.slice(latin[0].length)
      again = true
    }
    for (const title of THAI_TITLES) {
      if (name.startsWith(title) && name.length > title.length + 1) {
        name = name.slice(title.length).trimStart()
        again = true
      }
    }
  }
  return name.replace(MARKS, '').replace(NOISE, '').toLowerCase().normalize('NFC')
}

/** A name shown where personal data was erased: first letter of each word, the rest masked. */
export function maskName(raw: string): string {
  const words = cleanName(raw)
    .split(' ')
    .filter((w) => w !== '')
  if (words.length === 0) return '***'
  return words.map((w) => `${Array.from(w)[0] ?? ''}***`).join(' ')
}
