// What the demo café-bakery sells and who works there. Prices are in baht as a Thai shop would set them;
// the generator converts to satang. Product and store names are the shop's own data, so they stay in Thai
// whatever the UI language (as they would come from a Thai shop's POS).

export const DEMO_SHOP = {
  name: 'บ้านขนมลูกค้า คาเฟ่ & เบเกอรี่',
  address: '88/8 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200',
} as const

export type ProductKind = 'drink' | 'bakery' | 'cake' | 'whole_cake' | 'food' | 'gift'

export interface DemoProduct {
  sku: string
  name: string
  category: string
  kind: ProductKind
  priceBaht: number
  /** How often it is chosen among products of its kind. */
  popularity: number
  /** Months (1-12) when it is on sale; absent = all year. */
  months?: readonly number[]
}

export const CATEGORIES = {
  coffee: 'กาแฟ',
  tea: 'ชาและเครื่องดื่ม',
  bakery: 'เบเกอรี่',
  cake: 'เค้ก',
  food: 'อาหารว่าง',
  gift: 'ของฝาก',
} as const

export const PRODUCTS: readonly DemoProduct[] = [
  {
    sku: 'CF-01',
    name: 'เอสเพรสโซ่',
    category: CATEGORIES.coffee,
    kind: 'drink',
    priceBaht: 55,
    popularity: 3,
  },
  {
    sku: 'CF-02',
    name: 'อเมริกาโน่เย็น',
    category: CATEGORIES.coffee,
    kind: 'drink',
    priceBaht: 65,
    popularity: 9,
  },
  {
    sku: 'CF-03',
    name: 'ลาเต้เย็น',
    category: CATEGORIES.coffee,
    kind: 'drink',
    priceBaht: 70,
    popularity: 12,
  },
  {
    sku: 'CF-04',
    name: 'คาปูชิโน่ร้อน',
    category: CATEGORIES.coffee,
    kind: 'drink',
    priceBaht: 65,
    popularity: 5,
  },
  {
    sku: 'CF-05',
    name: 'มอคค่าเย็น',
    category: CATEGORIES.coffee,
    kind: 'drink',
    priceBaht: 75,
    popularity: 5,
  },
  { sku: 'CF-06', name: 'เอสเย็น', category: CATEGORIES.coffee, kind: 'drink', priceBaht: 70, popularity: 6 },
  { sku: 'CF-07', name: 'กาแฟส้ม', category: CATEGORIES.coffee, kind: 'drink', priceBaht: 80, popularity: 3 },
  { sku: 'TE-01', name: 'ชาไทยเย็น', category: CATEGORIES.tea, kind: 'drink', priceBaht: 55, popularity: 8 },
  {
    sku: 'TE-02',
    name: 'มัทฉะลาเต้เย็น',
    category: CATEGORIES.tea,
    kind: 'drink',
    priceBaht: 75,
    popularity: 6,
  },
  { sku: 'TE-03', name: 'โกโก้เย็น', category: CATEGORIES.tea, kind: 'drink', priceBaht: 60, popularity: 5 },
  { sku: 'TE-04', name: 'ชามะนาว', category: CATEGORIES.tea, kind: 'drink', priceBaht: 50, popularity: 3 },
  {
    sku: 'TE-05',
    name: 'น้ำผึ้งมะนาวโซดา',
    category: CATEGORIES.tea,
    kind: 'drink',
    priceBaht: 60,
    popularity: 3,
  },
  {
    sku: 'BK-01',
    name: 'ครัวซองต์เนยสด',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 65,
    popularity: 10,
  },
  {
    sku: 'BK-02',
    name: 'ครัวซองต์อัลมอนด์',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 85,
    popularity: 5,
  },
  {
    sku: 'BK-03',
    name: 'ขนมปังไส้สังขยา',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 35,
    popularity: 6,
  },
  { sku: 'BK-04', name: 'บราวนี่', category: CATEGORIES.bakery, kind: 'bakery', priceBaht: 55, popularity: 6 },
  {
    sku: 'BK-05',
    name: 'คุกกี้ช็อกโกแลตชิพ',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 35,
    popularity: 5,
  },
  {
    sku: 'BK-06',
    name: 'มัฟฟินบลูเบอร์รี่',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 55,
    popularity: 4,
  },
  {
    sku: 'BK-07',
    name: 'ซินนามอนโรล',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 60,
    popularity: 4,
  },
  {
    sku: 'BK-08',
    name: 'ปังปิ้งเนยนมน้ำตาล',
    category: CATEGORIES.bakery,
    kind: 'bakery',
    priceBaht: 45,
    popularity: 4,
  },
  {
    sku: 'CK-01',
    name: 'เค้กช็อกโกแลต (ชิ้น)',
    category: CATEGORIES.cake,
    kind: 'cake',
    priceBaht: 85,
    popularity: 6,
  },
  {
    sku: 'CK-02',
    name: 'ชีสเค้กหน้าไหม้',
    category: CATEGORIES.cake,
    kind: 'cake',
    priceBaht: 110,
    popularity: 7,
  },
  {
    sku: 'CK-03',
    name: 'เค้กมะพร้าวอ่อน (ชิ้น)',
    category: CATEGORIES.cake,
    kind: 'cake',
    priceBaht: 80,
    popularity: 5,
  },
  { sku: 'CK-04', name: 'เค้กส้ม (ชิ้น)', category: CATEGORIES.cake, kind: 'cake', priceBaht: 75, popularity: 3 },
  {
    sku: 'CK-05',
    name: 'เค้กวันเกิด 1 ปอนด์',
    category: CATEGORIES.cake,
    kind: 'whole_cake',
    priceBaht: 550,
    popularity: 5,
  },
  {
    sku: 'CK-06',
    name: 'เค้กวันเกิด 2 ปอนด์',
    category: CATEGORIES.cake,
    kind: 'whole_cake',
    priceBaht: 950,
    popularity: 2,
  },
  {
    sku: 'CK-07',
    name: 'ชีสเค้กหน้าไหม้ทั้งก้อน',
    category: CATEGORIES.cake,
    kind: 'whole_cake',
    priceBaht: 790,
    popularity: 3,
  },
  {
    sku: 'FD-01',
    name: 'แซนด์วิชแฮมชีส',
    category: CATEGORIES.food,
    kind: 'food',
    priceBaht: 79,
    popularity: 5,
  },
  {
    sku: 'FD-02',
    name: 'ครัวซองต์แซนด์วิชไก่',
    category: CATEGORIES.food,
    kind: 'food',
    priceBaht: 95,
    popularity: 4,
  },
  { sku: 'FD-03', name: 'สลัดไก่ย่าง', category: CATEGORIES.food, kind: 'food', priceBaht: 120, popularity: 2 },
  {
    sku: 'GF-01',
    name: 'กล่องคุกกี้ของขวัญ',
    category: CATEGORIES.gift,
    kind: 'gift',
    priceBaht: 290,
    popularity: 4,
  },
  {
    sku: 'GF-02',
    name: 'เมล็ดกาแฟคั่วกลาง 250 กรัม',
    category: CATEGORIES.gift,
    kind: 'gift',
    priceBaht: 380,
    popularity: 3,
  },
  {
    sku: 'GF-03',
    name: 'กระเช้าขนมปีใหม่',
    category: CATEGORIES.gift,
    kind: 'gift',
    priceBaht: 590,
    popularity: 6,
    months: [12, 1],
  },
  {
    sku: 'GF-04',
    name: 'ขนมไหว้พระจันทร์',
    category: CATEGORIES.gift,
    kind: 'gift',
    priceBaht: 120,
    popularity: 6,
    months: [9],
  },
]

export interface DemoStore {
  name: string
  staff: readonly string[]
}

export const STORES: readonly DemoStore[] = [
  { name: 'สาขานิมมาน', staff: ['น้องฟ้า', 'พี่ต้น', 'น้องบีม'] },
  { name: 'สาขาสันติธรรม', staff: ['พี่แอน', 'น้องเจ'] },
]

/** A staff member whose service draws more disappointed answers, for the satisfaction analysis to find. */
export const SLOW_STAFF = 'น้องบีม'

/** Survey aspects, in order; a Thai shop would write them in both languages. */
export const SURVEY = {
  name: 'ความพึงพอใจหลังการซื้อ',
  description: 'แบบสอบถามสั้น ๆ หลังการซื้อ ผ่าน QR บนใบเสร็จ',
  aspects: [
    { key: 'taste', th: 'รสชาติ', en: 'Taste' },
    { key: 'speed', th: 'ความรวดเร็วในการบริการ', en: 'Speed of service' },
    { key: 'staff', th: 'ความสุภาพของพนักงาน', en: 'Staff courtesy' },
    { key: 'cleanliness', th: 'ความสะอาดของร้าน', en: 'Cleanliness' },
    { key: 'value', th: 'ความคุ้มค่า', en: 'Value for money' },
  ],
} as const

export type AspectKey = (typeof SURVEY.aspects)[number]['key']

export const COMMENTS = {
  delighted: ['อร่อยมาก จะมาอีกแน่นอน', 'พนักงานน่ารัก บริการดีมาก', 'ครัวซองต์หอมเนยสุด ๆ', 'บรรยากาศดี นั่งทำงานสบาย'],
  satisfied: ['โดยรวมโอเคค่ะ', 'กาแฟดี แต่ที่จอดรถน้อย', 'ราคาสมเหตุสมผล'],
  disappointed: ['รอนานเกินไป', 'กาแฟหวานเกินไป', 'โต๊ะไม่ค่อยสะอาด', 'ราคาแพงไปหน่อย', 'ได้ของไม่ครบ'],
} as const

/** Where customers first heard of the shop (customers.acquisition_source), with how common each is. */
export const ACQUISITION_SOURCES = [
  { source: 'walk_in', weight: 38 },
  { source: 'facebook', weight: 14 },
  { source: 'instagram', weight: 9 },
  { source: 'line', weight: 7 },
  { source: 'google_maps', weight: 12 },
  { source: 'tiktok', weight: 6 },
  { source: 'referral', weight: 14 },
] as const
