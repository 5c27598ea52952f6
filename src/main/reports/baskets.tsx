/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { BasketParams, BasketRule, SuggestionReason } from '../../shared/api/products'
import { valueOverview } from '../analysis/queries'
import { productsOverview } from '../baskets/overview'
import { basketRules, productBoughtTogether } from '../baskets/rules-page'
import { customerSuggestions } from '../baskets/suggestions'
import { basketTargetList } from '../baskets/targets'
import { lastSaleDate } from '../dashboard'
import type { Database } from '../db/schema'
import { BarChart } from './charts'
import { contactsOf } from './contacts'
import type { BuiltReport, ReportEnv } from './env'
import { Kpis, Table } from './parts'

// The products and baskets report (src/main/baskets on paper): best sellers and the category mix, the
// strongest "bought together" rules, what goes with each best seller, what to offer the best customers with
// the reason in words; or, for two products, the target list "bought A but never B" with contacts.

/** The Products page's opening settings. */
export const DEFAULT_REPORT_BASKET: BasketParams = {
  level: 'product',
  minSupport: 0.002,
  minConfidence: 0.1,
  maxSize: 3,
  minLift: 1,
}
const BEST_SELLERS = 20
const RULES = 30
const TOGETHER_PRODUCTS = 5
const TOGETHER_ITEMS = 3
const SUGGESTED_CUSTOMERS = 10
const SUGGESTIONS_EACH = 3
const MIX_CATEGORIES = 3

const names = (items: BasketRule['antecedent']): string => items.map((i) => i.name).join(' + ')

function reasonText(env: ReportEnv, reason: SuggestionReason): string {
  if (reason.kind === 'rule') {
    return env.t('baskets.reasonRule', {
      items: reason.because.map((p) => p.name).join(' + '),
      confidence: env.percent(reason.confidence),
      lift: env.number(reason.lift, 1),
    })
  }
  return env.t('baskets.reasonCategory', { category: reason.category, count: env.number(reason.purchases) })
}

async function targetReport(
  db: Kysely<Database>,
  env: ReportEnv,
  boughtProductId: number,
  neverProductId: number,
): Promise<BuiltReport> {
  const { t, number, date } = env
  const list = await basketTargetList(db, boughtProductId, neverProductId)
  return {
    title: t('baskets.titleTarget', { bought: list.bought.name, never: list.never.name }),
    asOf: await lastSaleDate(db),
    orientation: 'landscape',
    fileStem: `target-${boughtProductId}-not-${neverProductId}`,
    body: (
      <>
        <p className="note">
          {t('baskets.targetNote', {
            count: number(list.customers.length),
            bought: list.bought.name,
            never: list.never.name,
          })}
        </p>
        <Table
          rowKey={(c) => c.customerId}
          rows={list.customers}
          columns={[
            { label: t('common.code'), cell: (c) => c.code ?? '', nowrap: true },
            { label: t('common.name'), cell: (c) => c.name },
            { label: t('common.phone'), cell: (c) => c.phone ?? '', nowrap: true },
            { label: t('common.line'), cell: (c) => c.lineId ?? '' },
            { label: t('common.email'), cell: (c) => c.email ?? '' },
            { label: t('baskets.timesBought'), cell: (c) => number(c.timesBought), numeric: true },
            { label: t('baskets.lastBought'), cell: (c) => date(c.lastBought.slice(0, 10)), nowrap: true },
            { label: t('common.notes'), cell: () => '', write: true },
          ]}
        />
      </>
    ),
  }
}

export async function basketsReport(
  db: Kysely<Database>,
  env: ReportEnv,
  options: { basket?: BasketParams; boughtProductId?: number; neverProductId?: number },
): Promise<BuiltReport> {
  if (options.boughtProductId !== undefined && options.neverProductId !== undefined) {
    return targetReport(db, env, options.boughtProductId, options.neverProductId)
  }
  const { t, number, percent, money } = env
  const overview = await productsOverview(db, {})
  const base = { title: t('baskets.title'), orientation: 'portrait' as const, fileStem: 'baskets' }
  if (overview.bestSellers.length === 0) return { ...base, asOf: null, body: <p>{t('baskets.noSales')}</p> }
  const params = { ...DEFAULT_REPORT_BASKET, ...options.basket }
  const rules = await basketRules(db, params)
  const best = overview.bestSellers.slice(0, BEST_SELLERS)
  const together = await Promise.all(
    overview.bestSellers.slice(0, TOGETHER_PRODUCTS).map((p) => productBoughtTogether(db, p.productId)),
  )
  const top = (await valueOverview(db, { limit: SUGGESTED_CUSTOMERS }))?.topCustomers ?? []
  const contacts = await contactsOf(
    db,
    top.map((c) => c.customerId),
  )
  const offers = (
    await Promise.all(top.map((c) => customerSuggestions(db, c.customerId, SUGGESTIONS_EACH)))
  ).flatMap((s) =>
    s.suggestions.map((suggestion, i) => ({
      key: `${s.customerId}-${suggestion.productId}`,
      customer: i === 0 ? (contacts.get(s.customerId)?.name ?? '') : '',
      phone: i === 0 ? (contacts.get(s.customerId)?.phone ?? '') : '',
      suggestion,
    })),
  )
  // the largest categories by revenue, the rest summed as one series
  const mix = [...overview.categoryMix.series].sort(
    (a, b) => b.netSatang.reduce((s, v) => s + v, 0) - a.netSatang.reduce((s, v) => s + v, 0),
  )
  const months = overview.categoryMix.months.slice(-12)
  const cut = overview.categoryMix.months.length - months.length
  const series = mix
    .slice(0, MIX_CATEGORIES)
    .map((s) => ({ label: s.category, values: s.netSatang.slice(cut) }))
  const rest = mix.slice(MIX_CATEGORIES)
  if (rest.length > 0) {
    series.push({
      label: '…',
      values: months.map((_, i) => rest.reduce((sum, s) => sum + (s.netSatang[cut + i] ?? 0), 0)),
    })
  }
  const totalRevenue = overview.bestSellers.reduce((s, p) => s + p.netSatang, 0)
  return {
    ...base,
    asOf: await lastSaleDate(db),
    body: (
      <>
        <Kpis
          items={[
            { label: t('baskets.receipts'), value: number(rules.baskets) },
            { label: t('baskets.products'), value: number(overview.bestSellers.length) },
            { label: t('baskets.revenue'), value: money(totalRevenue) },
            { label: t('baskets.rulesFound'), value: number(rules.totalRules) },
          ]}
        />
        <h2>{t('baskets.best')}</h2>
        <Table
          rowKey={(p) => p.productId}
          rows={best}
          columns={[
            { label: t('baskets.product'), cell: (p) => p.name },
            { label: t('baskets.sku'), cell: (p) => p.sku ?? '', nowrap: true },
            { label: t('baskets.category'), cell: (p) => p.category },
            { label: t('baskets.units'), cell: (p) => number(p.quantity), numeric: true },
            { label: t('baskets.onReceipts'), cell: (p) => number(p.receipts), numeric: true },
            { label: t('baskets.revenue'), cell: (p) => money(p.netSatang), numeric: true },
          ]}
        />
        {months.length > 0 && (
          <div className="section">
            <h2>{t('baskets.mix')}</h2>
            <figure>
              <BarChart
                categories={months.map((m) => env.monthAxis(m))}
                series={series}
                format={(v) => env.moneyCompact(v)}
                stacked
                height={230}
              />
            </figure>
          </div>
        )}
        <h2>{t('baskets.rules')}</h2>
        <p className="note">
          {t('baskets.rulesNote', {
            support: percent(params.minSupport),
            confidence: percent(params.minConfidence),
            size: number(params.maxSize ?? 0),
            lift: number(params.minLift ?? 0, 1),
            shown: number(Math.min(RULES, rules.rules.length)),
            total: number(rules.totalRules),
          })}
        </p>
        {rules.rules.length === 0 ? (
          <p>{t('baskets.noRules')}</p>
        ) : (
          <Table
            rowKey={(r) => `${names(r.antecedent)}>${names(r.consequent)}`}
            rows={rules.rules.slice(0, RULES)}
            columns={[
              { label: t('baskets.ifHas'), cell: (r) => names(r.antecedent) },
              { label: t('baskets.alsoHas'), cell: (r) => names(r.consequent) },
              { label: t('baskets.support'), cell: (r) => `${number(r.support * 100, 2)}%`, numeric: true },
              { label: t('baskets.confidence'), cell: (r) => percent(r.confidence), numeric: true },
              { label: t('baskets.lift'), cell: (r) => number(r.lift, 2), numeric: true },
            ]}
          />
        )}
        <h2>{t('baskets.together')}</h2>
        <Table
          rowKey={(row) => row.key}
          rows={together.flatMap((g) =>
            g.items.slice(0, TOGETHER_ITEMS).map((item, i) => ({
              key: `${g.product.productId}-${item.productId}`,
              product: i === 0 ? g.product.name : '',
              item,
            })),
          )}
          columns={[
            { label: t('baskets.product'), cell: (r) => r.product },
            { label: t('baskets.with'), cell: (r) => r.item.name },
            { label: t('baskets.onReceipts'), cell: (r) => number(r.item.together), numeric: true },
            { label: t('baskets.shareOf'), cell: (r) => percent(r.item.confidence), numeric: true },
            { label: t('baskets.lift'), cell: (r) => number(r.item.lift, 2), numeric: true },
          ]}
        />
        {offers.length > 0 && (
          <>
            <h2>{t('baskets.suggestions')}</h2>
            <p className="note">{t('baskets.suggestionsNote')}</p>
            <Table
              rowKey={(o) => o.key}
              rows={offers}
              columns={[
                { label: t('common.name'), cell: (o) => o.customer },
                { label: t('common.phone'), cell: (o) => o.phone, nowrap: true },
                { label: t('baskets.offer'), cell: (o) => o.suggestion.name },
                { label: t('baskets.why'), cell: (o) => reasonText(env, o.suggestion.reason) },
              ]}
            />
          </>
        )}
      </>
    ),
  }
}
