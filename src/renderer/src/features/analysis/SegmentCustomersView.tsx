import { Anchor, Button, Card, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { customerSortKeys } from '../../../../shared/api/analysis'
import { call } from '../../api/client'
import { ContactLinks } from '../../components/ContactLinks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ExportListButton } from '../../components/ExportListButton'
import { useExportHeaders } from './exportHeaders'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { PrintButton } from '../reports/PrintButton'
import { ChurnBadge } from './ChurnBadge'
import { CustomerDrawer } from './CustomerDrawer'
import { NoRunYet } from './NoRunYet'
import { useSegmentCustomers, useSegmentsOverview } from './queries'
import { segmentAction, segmentName } from './segmentText'
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

/** The customers of one segment: a paged, sortable table; a row opens the customer's analysis. */
export function SegmentCustomersView(props: { segmentId: string; onBack: () => void }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const overview = useSegmentsOverview()
  const [page, setPage] = useState(1)
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'monetary',
    direction: 'desc',
  })
  const [openCustomer, setOpenCustomer] = useState<number | null>(null)
  const table = useRef<HTMLDivElement>(null)
  const exportText = useExportHeaders()
  const goTo = (next: number): void => {
    setPage(next)
    // The pager is below the table: show the new page from its first row
    table.current?.scrollIntoView({ block: 'start' })
  }
  const customers = useSegmentCustomers({
    segment: props.segmentId,
    page,
    pageSize: PAGE_SIZE,
    sort: sort.key,
    direction: sort.direction,
  })

  if (overview.isPending) return <PageLoader />
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
  if (!overview.data) return <NoRunYet />
  const segment = overview.data.segments.find((s) => s.id === props.segmentId)

  const sortBy = (key: SortKey): void => {
    setSort((old) =>
      old.key === key
        ? { key, direction: old.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: FIRST_DIRECTION[key] },
    )
    setPage(1)
  }
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => (
    <SortHeader
      active={sort.key === key}
      direction={sort.direction}
      onSort={() => sortBy(key)}
      align={align}
      testId={`sort-${key}`}
    >
      {label}
    </SortHeader>
  )
  const data = customers.data
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  const missing = (value: number | null, show: (v: number) => string): string =>
    value === null ? t('list.none') : show(value)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={3} data-testid="segment-title">
            {segment ? segmentName(segment, fmt.language) : t('list.unknownSegment')}
          </Title>
          {segment && (
            <Text size="sm" c="gray.7" maw={760}>
              <Text span fw={600}>
                {t('list.action')}
              </Text>{' '}
              {segmentAction(segment, fmt.language)}
            </Text>
          )}
        </Stack>
        <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
          <ExportListButton
            disabled={!customers.data || customers.data.total === 0}
            exportFile={(format) =>
              call('exportCustomerList', {
                list: 'segment',
                segment: props.segmentId,
                sort: sort.key,
                direction: sort.direction,
                format,
                title: segment ? segmentName(segment, fmt.language) : props.segmentId,
                ...exportText,
              })
            }
          />
          <PrintButton request={{ report: 'segments', segment: props.segmentId }} />
          <PrintButton request={{ report: 'call-list', segment: props.segmentId }} label="callList" />
          <Button variant="default" onClick={props.onBack}>
            {t('list.back')}
          </Button>
        </Group>
      </Group>
      {customers.isError ? (
        <ErrorNotice error={customers.error} onRetry={() => void customers.refetch()} />
      ) : !data ? (
        <PageLoader />
      ) : (
        <Card withBorder padding="md" ref={table}>
          <Group justify="space-between" mb="sm">
            <Text fw={600} data-testid="segment-total">
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
          <Table striped highlightOnHover verticalSpacing={6} data-testid="segment-customers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.code')}</Table.Th>
                {header('name', t('columns.name'), 'left')}
                <Table.Th>{t('columns.contact')}</Table.Th>
                {header('recency', t('columns.recency'))}
                {header('frequency', t('columns.frequency'))}
                {header('monetary', t('columns.monetary'))}
                {header('clv', t('columns.clv'))}
                <Table.Th>{t('columns.churn')}</Table.Th>
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
                  <Table.Td ta="right">{fmt.number(row.recencyDays)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(row.frequency)}</Table.Td>
                  <Table.Td ta="right">{fmt.baht(row.monetarySatang)}</Table.Td>
                  <Table.Td ta="right">{missing(row.clvSatang, (v) => fmt.baht(v))}</Table.Td>
                  <Table.Td>
                    <ChurnBadge level={row.churnLevel} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
        </Card>
      )}
      <CustomerDrawer customerId={openCustomer} onClose={() => setOpenCustomer(null)} />
    </Stack>
  )
}
