import { Anchor, Card, Group, Pagination, Table, Text } from '@mantine/core'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerListKind, customerSortKeys } from '../../../../shared/api/analysis'
import { call } from '../../api/client'
import { ContactLinks } from '../../components/ContactLinks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ExportListButton } from '../../components/ExportListButton'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ChurnBadge } from './ChurnBadge'
import { CustomerDrawer } from './CustomerDrawer'
import { useExportHeaders } from './exportHeaders'
import { useSegmentCustomers } from './queries'
import { SortHeader, type Direction } from './SortHeader'

type SortKey = (typeof customerSortKeys)[number]

const PAGE_SIZE = 50
/** The first click on a column sorts it the way people look first: names A-Z, most recent first, else biggest. */
const FIRST_DIRECTION: Record<SortKey, Direction> = {
  name: 'asc',
  recency: 'asc',
  frequency: 'desc',
  monetary: 'desc',
  clv: 'desc',
  p_alive: 'desc',
  churn_risk: 'desc',
}
// Nothing in a figure or badge column wraps or is cut: Thai has no spaces between words.
const NOWRAP = { whiteSpace: 'nowrap' } as const

/**
 * One analysis customer list (a segment, the best customers, the customers slipping away) as a paged,
 * sortable table with contacts; "export this list" and the page's print buttons act on the same customers in
 * the same order. Until a column is chosen the list keeps its own order; a row opens the customer's analysis.
 */
export function CustomerListTable(props: {
  list: CustomerListKind
  segment?: string
  /** The file's title when exported. */
  exportTitle: string
  /** Print buttons for this list, beside the export. */
  printButtons?: ReactNode
  testId: string
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const [page, setPage] = useState(1)
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction } | null>(null)
  const [openCustomer, setOpenCustomer] = useState<number | null>(null)
  const table = useRef<HTMLDivElement>(null)
  const exportText = useExportHeaders()
  const goTo = (next: number): void => {
    setPage(next)
    // The pager is below the table: show the new page from its first row
    table.current?.scrollIntoView({ block: 'start' })
  }
  const query = {
    list: props.list,
    ...(props.segment ? { segment: props.segment } : {}),
    ...(sort ? { sort: sort.key, direction: sort.direction } : {}),
  }
  const customers = useSegmentCustomers({ ...query, page, pageSize: PAGE_SIZE })

  const sortBy = (key: SortKey): void => {
    setSort((old) =>
      old?.key === key
        ? { key, direction: old.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: FIRST_DIRECTION[key] },
    )
    setPage(1)
  }
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => (
    <SortHeader
      active={sort?.key === key}
      direction={sort?.direction ?? 'desc'}
      onSort={() => sortBy(key)}
      align={align}
      testId={`sort-${key}`}
    >
      {label}
    </SortHeader>
  )
  if (customers.isError) {
    return <ErrorNotice error={customers.error} onRetry={() => void customers.refetch()} />
  }
  const data = customers.data
  if (!data) return <PageLoader />
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE))
  const missing = (value: number | null, show: (v: number) => string): string =>
    value === null ? t('list.none') : show(value)

  return (
    <Card withBorder padding="md" ref={table}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="md">
          <Text fw={600} data-testid={`${props.testId}-total`}>
            {t('list.count', { n: fmt.number(data.total) })}
          </Text>
          {data.total > 0 && (
            <Text size="sm" c="dimmed">
              {t('list.showing', {
                from: fmt.number((data.page - 1) * data.pageSize + 1),
                to: fmt.number(Math.min(data.total, data.page * data.pageSize)),
                total: fmt.number(data.total),
              })}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
          <ExportListButton
            disabled={data.total === 0}
            exportFile={(format) =>
              call('exportCustomerList', { ...query, format, title: props.exportTitle, ...exportText })
            }
          />
          {props.printButtons}
        </Group>
      </Group>
      {data.total === 0 ? (
        <Text c="dimmed" data-testid={`${props.testId}-empty`}>
          {t(`list.empty.${props.list}`)}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.code')}</Table.Th>
              {header('name', t('columns.name'), 'left')}
              <Table.Th>{t('columns.contact')}</Table.Th>
              {header('recency', t('columns.recency'))}
              {header('frequency', t('columns.frequency'))}
              {header('monetary', t('columns.monetary'))}
              {header('clv', t('columns.clv'))}
              {header('churn_risk', t('columns.churn'), 'left')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr
                key={row.customerId}
                onClick={() => setOpenCustomer(row.customerId)}
                style={{ cursor: 'pointer' }}
                data-customer-id={row.customerId}
              >
                <Table.Td data-untranslated data-testid="customer-code">
                  {row.code ?? ''}
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    size="sm"
                    c="teal.9"
                    data-untranslated
                    onClick={(event) => {
                      event.stopPropagation()
                      setOpenCustomer(row.customerId)
                    }}
                  >
                    {row.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ContactLinks phone={row.phone} lineId={row.lineId} email={row.email} />
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {fmt.number(row.recencyDays)}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {fmt.number(row.frequency)}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {fmt.baht(row.monetarySatang)}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {missing(row.clvSatang, (v) => fmt.baht(v))}
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <ChurnBadge level={row.churnLevel} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination
            color="teal.9"
            total={pages}
            value={data.page}
            onChange={goTo}
            getControlProps={(control) => ({
              'aria-label': t(`list.page.${control}`),
            })}
            getItemProps={(n) => ({ 'aria-label': t('list.page.number', { n }) })}
          />
        </Group>
      )}
      <CustomerDrawer customerId={openCustomer} onClose={() => setOpenCustomer(null)} />
    </Card>
  )
}
