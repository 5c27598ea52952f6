// The most frequent words in comments: Thai has no spaces between words, so comments are cut with
// Intl.Segmenter (ICU's dictionary segmentation, built into Node and Chromium). Function words are dropped; a
// negation is kept with the word it negates ("ไม่" + "สะอาด" -> "ไม่สะอาด"), since alone it says nothing.

const STOP_WORDS = new Set([
  // Thai particles, pronouns, connectives and very common verbs
  'ค่ะ',
  'คะ',
  'ครับ',
  'นะ',
  'จ้า',
  'จ้ะ',
  'ค่า',
  'คับ',
  'ฮะ',
  'เลย',
  'ด้วย',
  'แล้ว',
  'ก็',
  'และ',
  'แต่',
  'หรือ',
  'ที่',
  'ซึ่ง',
  'ของ',
  'ใน',
  'กับ',
  'ให้',
  'ได้',
  'จะ',
  'เป็น',
  'มี',
  'คือ',
  'ว่า',
  'นี้',
  'นั้น',
  'นี่',
  'โน่น',
  'ไป',
  'มา',
  'อยู่',
  'หน่อย',
  'มาก',
  'มากๆ',
  'ๆ',
  'การ',
  'ความ',
  'เรา',
  'ฉัน',
  'ผม',
  'หนู',
  'คุณ',
  'เขา',
  'ทาง',
  'ร้าน',
  'ครั้ง',
  'นี้',
  'อีก',
  'แบบ',
  'เพราะ',
  'ถ้า',
  'เมื่อ',
  'ตอน',
  'บ้าง',
  'กว่า',
  'สุด',
  'ไหม',
  'อะไร',
  'ค่อย',
  'เกิน',
  'จริงๆ',
  'จริง',
  'ทุก',
  'โดยรวม',
  // English
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'is',
  'was',
  'are',
  'were',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'it',
  'this',
  'that',
  'too',
  'very',
  'so',
  'i',
  'we',
  'my',
  'our',
  'be',
  'with',
  'not',
])

const NEGATIONS = new Set(['ไม่', 'not', "don't", 'no'])
const SOFTENERS = new Set(['ค่อย', 'ได้', 'มี'])

export function commentWords(comment: string, segmenter: Intl.Segmenter): string[] {
  const tokens = [...segmenter.segment(comment.toLowerCase())]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    if (NEGATIONS.has(token)) {
      // "ไม่ค่อยสะอาด" -> "ไม่สะอาด": skip a softener between the negation and its word.
      let j = i + 1
      while (j < tokens.length && SOFTENERS.has(tokens[j] ?? '')) j++
      const next = tokens[j]
      if (next !== undefined && !STOP_WORDS.has(next)) {
        out.push(`${token}${/^[a-z]/.test(next) ? ' ' : ''}${next}`)
        i = j
      }
      continue
    }
    if (STOP_WORDS.has(token) || token.length < 2 || /^\d+$/.test(token)) continue
    out.push(token)
  }
  return out
}

/** Word counts over the comments, most frequent first (ties alphabetical), at most `limit`. */
export function topWords(comments: readonly string[], limit = 30): { word: string; count: number }[] {
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' })
  const counts = new Map<string, number>()
  for (const c of comments)
    for (const w of commentWords(c, segmenter)) counts.set(w, (counts.get(w) ?? 0) + 1)
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'th'))
    .slice(0, limit)
}
