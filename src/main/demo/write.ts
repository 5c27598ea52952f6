import type { DemoSummary } from '../../shared/api/demo'
import { LukkhaError } from '../errors'
import type { Sqlite } from '../db'
import { SETTING_KEYS } from '../settings/keys'
import { DEMO_SHOP, PRODUCTS, STORES, SURVEY } from './catalog'
import type { DemoShop } from './types'

// Writes a generated demo shop into an empty database in one transaction, with raw prepared statements
// (tens of thousands of rows). Either all of it is stored or nothing is.

export const DEMO_SOURCE = 'demo'

export function assertEmptyForDemo(sqlite: Sqlite): void {
  const row = sqlite
    .prepare(
      `select (select count(*) from customers) + (select count(*) from receipts)
            + (select count(*) from products) + (select count(*) from stores) as n`,
    )
    .get() as { n: number }
  if (row.n > 0) {
    throw new LukkhaError(
      'demo_not_empty',
      'The demo shop can only be loaded into an empty database, and this one already has customers, receipts or products. Nothing was changed.',
    )
  }
}

export function writeDemoShop(sqlite: Sqlite, shop: DemoShop): DemoSummary {
  const opened = `${shop.startDate}T07:00:00`
  const write = sqlite.transaction((): DemoSummary => {
    assertEmptyForDemo(sqlite)
    const insertStore = sqlite.prepare('insert into stores (name, created_at) values (?, ?)')
    const storeIds = STORES.map((s) => Number(insertStore.run(s.name, opened).lastInsertRowid))

    const insertProduct = sqlite.prepare(
      'insert into products (sku, name, category, created_at) values (?, ?, ?, ?)',
    )
    const productIds = PRODUCTS.map((p) =>
      Number(insertProduct.run(p.sku, p.name, p.category, opened).lastInsertRowid),
    )

    const insertCustomer = sqlite.prepare(
      `insert into customers (code, name, phone, email, line_id, birthday, acquisition_source, referred_by,
         first_seen, last_seen, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertConsent = sqlite.prepare(
      'insert into consents (customer_id, channel, purpose, granted, recorded_at, source) values (?, ?, ?, ?, ?, ?)',
    )
    const customerIds: number[] = []
    for (const c of shop.customers) {
      const referrer = c.referredBy === null ? null : (customerIds[c.referredBy] ?? null)
      const id = Number(
        insertCustomer.run(
          c.code,
          c.name,
          c.phone,
          c.email,
          c.lineId,
          c.birthday,
          c.acquisitionSource,
          referrer,
          c.firstSeen,
          c.lastSeen,
          c.notes,
          c.firstSeen,
          c.lastSeen,
        ).lastInsertRowid,
      )
      customerIds.push(id)
      for (const consent of c.consents) {
        insertConsent.run(id, consent.channel, 'marketing', consent.granted ? 1 : 0, c.firstSeen, DEMO_SOURCE)
      }
    }

    const insertReceipt = sqlite.prepare(
      `insert into receipts (source, receipt_number, store_id, customer_id, occurred_at, kind, gross_satang,
         discount_satang, net_satang, staff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertLine = sqlite.prepare(
      `insert into receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_satang, discount_satang,
         net_satang) values (?, ?, ?, ?, ?, ?, ?)`,
    )
    const receiptIds = new Map<number, number>()
    let lines = 0
    for (const r of shop.receipts) {
      const customerId = r.customer === null ? null : (customerIds[r.customer] ?? null)
      const id = Number(
        insertReceipt.run(
          DEMO_SOURCE,
          r.receiptNumber,
          storeIds[r.store] ?? null,
          customerId,
          r.occurredAt,
          r.kind,
          r.grossSatang,
          r.discountSatang,
          r.netSatang,
          r.staff,
        ).lastInsertRowid,
      )
      receiptIds.set(r.seq, id)
      r.lines.forEach((line, i) => {
        insertLine.run(
          id,
          i + 1,
          productIds[line.product] ?? null,
          line.quantity,
          line.unitPriceSatang,
          line.discountSatang,
          line.netSatang,
        )
      })
      lines += r.lines.length
    }

    const surveyId = Number(
      sqlite
        .prepare('insert into surveys (name, description, status, created_at) values (?, ?, ?, ?)')
        .run(SURVEY.name, SURVEY.description, 'active', opened).lastInsertRowid,
    )
    const insertAspect = sqlite.prepare(
      'insert into survey_aspects (survey_id, position, label_th, label_en) values (?, ?, ?, ?)',
    )
    const aspectIds = SURVEY.aspects.map((a, i) =>
      Number(insertAspect.run(surveyId, i + 1, a.th, a.en).lastInsertRowid),
    )
    const insertResponse = sqlite.prepare(
      `insert into survey_responses (survey_id, customer_id, receipt_id, store_id, staff, responded_at, comment)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertAnswer = sqlite.prepare(
      'insert into survey_answers (response_id, aspect_id, level) values (?, ?, ?)',
    )
    for (const response of shop.responses) {
      const id = Number(
        insertResponse.run(
          surveyId,
          customerIds[response.customer] ?? null,
          receiptIds.get(response.receiptSeq) ?? null,
          storeIds[response.store] ?? null,
          response.staff,
          response.respondedAt,
          response.comment,
        ).lastInsertRowid,
      )
      response.levels.forEach((level, i) => insertAnswer.run(id, aspectIds[i], level))
    }

    // The demo names the shop unless the owner already did.
    const keepSetting = sqlite.prepare(
      'insert into settings (key, value) values (?, ?) on conflict (key) do nothing',
    )
    keepSetting.run(SETTING_KEYS.shopName, JSON.stringify(DEMO_SHOP.name))
    keepSetting.run(SETTING_KEYS.shopAddress, JSON.stringify(DEMO_SHOP.address))
    sqlite
      .prepare(
        'insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      )
      .run(SETTING_KEYS.demo, JSON.stringify({ seed: shop.seed, endDate: shop.endDate }))

    return {
      seed: shop.seed,
      startDate: shop.startDate,
      endDate: shop.endDate,
      customers: shop.customers.length,
      receipts: shop.receipts.length,
      lines,
      products: PRODUCTS.length,
      surveyResponses: shop.responses.length,
    }
  })
  return write()
}
