import { Badge, Group, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useQueries } from '@tanstack/react-query'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerFilter, CustomerRow, CustomerSortColumn } from '../../../../shared/api/customers'
import { call } from '../../api/client'
import { useFormat } from '../../format/useFormat'
import classes from './customers.module.css'
import { customerKeys, PAGE_SIZE } from './queries'

// A virtualised table: only the rows on screen are in the page, and the rows are fetched 200 at a time as
// they scroll into view, so 100,000 customers scroll as smoothly as 100.

const ROW_HEIGHT = 40

const COLUMNS: { key: CustomerSortColumn | 'line' | 'tags'; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'name' },
  { key: 'code', label: 'code' },
  { key: 'phone', label: 'phone' },
  { key: 'line', label: 'line' },
  { key: 'email', label: 'email' },
  { key: 'segment', label: 'segment' },
  { key: 'value_tier', label: 'tier' },
  { key: 'spend', label: 'spend', numeric: true },
  { key: 'visits', label: 'visits', numeric: true },
  { key: 'last_purchase', label: 'lastPurchase' },
  { key: 'tags', label: 'tags' },
]

function Chevron(props: { direction: 'asc' | 'desc' }): React.JSX.Element {
  // an SVG, not a text arrow: Sarabun has no arrow glyphs
  const path = props.direction === 'asc' ? 'M2 8 L6 4 L10 8' : 'M2 4 L6 8 L10 4'
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" style={{ marginLeft: 4 }}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  )
}

export function CustomerTable(props: {
  filter: CustomerFilter
  total: number
  firstRows: CustomerRow[]
  sort: CustomerSortColumn
  direction: 'asc' | 'desc'
  onSort: (column: CustomerSortColumn) => void
  onOpen: (id: number) => void
  segmentName: (id: string) => string
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser re-renders the table itself; nothing memoised reads it
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  })
  const items = virtualizer.getVirtualItems()
  const pages = [...new Set(items.map((i) => Math.floor(i.index / PAGE_SIZE)))].filter((p) => p > 0)
  const more = useQueries({
    queries: pages.map((page) => ({
      queryKey: customerKeys.page(props.filter, props.sort, props.direction, page),
      queryFn: () =>
        call('customersList', {
          ...props.filter,
          sort: props.sort,
          direction: props.direction,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        }),
    })),
  })
  const loaded = new Map<number, CustomerRow[] | undefined>([[0, props.firstRows]])
  pages.forEach((page, i) => loaded.set(page, more[i]?.data?.rows))

  return (
    <div className={classes.table} role="table" aria-rowcount={props.total} data-testid="customer-table">
      <div className={`${classes.row} ${classes.head}`} role="row">
        {COLUMNS.map((c) =>
          c.key === 'line' || c.key === 'tags' ? (
            // LINE is a brand name in both languages
            <div
              key={c.key}
              role="columnheader"
              className={classes.cell}
              data-untranslated={c.key === 'line' || undefined}
            >
              {t(`columns.${c.label}` as 'columns.name')}
            </div>
          ) : (
            <UnstyledButton
              key={c.key}
              role="columnheader"
              className={`${classes.cell} ${c.numeric ? classes.numeric : ''}`}
              aria-sort={
                props.sort === c.key ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'
              }
              onClick={() => props.onSort(c.key as CustomerSortColumn)}
              data-testid={`sort-${c.key}`}
            >
              {t(`columns.${c.label}` as 'columns.name')}
              {props.sort === c.key && <Chevron direction={props.direction} />}
            </UnstyledButton>
          ),
        )}
      </div>
      <div ref={scroller} className={classes.body}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = loaded.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE]
            return (
              <div
                key={item.key}
                role="row"
                className={`${classes.row} ${classes.item}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={row ? () => props.onOpen(row.id) : undefined}
                data-testid={row ? `customer-row-${row.id}` : undefined}
              >
                {row ? (
                  <>
                    <div className={classes.cell} data-untranslated>
                      <Text fw={600} size="sm" truncate>
                        {row.name}
                      </Text>
                    </div>
                    <div className={classes.cell} data-untranslated>
                      {row.code ?? ''}
                    </div>
                    <div className={classes.cell} data-untranslated>
                      {row.phone ?? ''}
                    </div>
                    <div className={classes.cell} data-untranslated>
                      {row.lineId ?? ''}
                    </div>
                    <div className={classes.cell} data-untranslated>
                      {row.email ?? ''}
                    </div>
                    <div className={classes.cell}>{row.segment ? props.segmentName(row.segment) : ''}</div>
                    <div className={classes.cell}>{row.valueTier ? t(`tiers.${row.valueTier}`) : ''}</div>
                    <div className={`${classes.cell} ${classes.numeric}`}>
                      {fmt.baht(row.spendSatang, true)}
                    </div>
                    <div className={`${classes.cell} ${classes.numeric}`}>{fmt.number(row.visits)}</div>
                    <div className={classes.cell}>
                      {row.lastPurchase ? fmt.date(row.lastPurchase.slice(0, 10)) : ''}
                    </div>
                    <div className={classes.cell}>
                      <Group gap={4} wrap="nowrap">
                        {row.tags.slice(0, 3).map((tag) => (
                          <Badge key={tag} size="xs" variant="light" tt="none" data-untranslated>
                            {tag}
                          </Badge>
                        ))}
                      </Group>
                    </div>
                  </>
                ) : (
                  <div className={classes.cell}>{t('loading')}</div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
