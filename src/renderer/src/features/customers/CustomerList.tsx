import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerFilter, CustomerSortColumn } from '../../../../shared/api/customers'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { CustomerFilters } from './CustomerFilters'
import { SaveFilterButton } from '../campaigns/SaveFilterButton'
import { CustomerForm } from './CustomerForm'
import { CustomerTable } from './CustomerTable'
import { saveExportedFile } from '../../api/download'
import { localToday } from '../../../../shared/calendar'
import { valueTiers } from '../../../../shared/api/analysis'
import { useCustomerMutation, useCustomerPage } from './queries'
import { PrintButton } from '../reports/PrintButton'

const NUMERIC_FIRST_DESC: CustomerSortColumn[] = ['spend', 'visits', 'last_purchase']

/** The customer book: search, filters, sort, bulk tag and export over a virtualised table. */
export function CustomerList(props: {
  onOpen: (id: number) => void
  segmentName: (id: string) => string
  segmentIds: string[]
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const [filters, setFilters] = useState<CustomerFilter>({})
  const [sort, setSort] = useState<{ column: CustomerSortColumn; direction: 'asc' | 'desc' }>({
    column: 'name',
    direction: 'asc',
  })
  const [tag, setTag] = useState('')
  const [creating, setCreating] = useState(false)
  const filter: CustomerFilter = { ...filters, ...(debounced.trim() ? { search: debounced.trim() } : {}) }
  const first = useCustomerPage(filter, sort.column, sort.direction, 0)
  const tagAll = useCustomerMutation((value: string) => call('customersTag', { tag: value, filter }))
  const total = first.data?.total ?? 0

  const onSort = (column: CustomerSortColumn) =>
    setSort((old) =>
      old.column === column
        ? { column, direction: old.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: NUMERIC_FIRST_DESC.includes(column) ? 'desc' : 'asc' },
    )
  const exportAs = useMutation({
    mutationFn: ({ format, marketing }: { format: 'csv' | 'xlsx'; marketing: boolean }) =>
      call('customersExport', {
        filter,
        format,
        marketing,
        title: `lukkha ${marketing ? t('exportFile.marketingList') : t('exportFile.customers')} ${fmt.date(localToday(new Date()))}`,
        headers: {
          code: t('columns.code'),
          name: t('columns.name'),
          phone: t('columns.phone'),
          email: t('columns.email'),
          line: t('columns.line'),
          segment: t('columns.segment'),
          value_tier: t('columns.tier'),
          spend: t('exportFile.spend'),
          visits: t('columns.visits'),
          last_purchase: t('columns.lastPurchase'),
          acquisition_source: t('exportFile.source'),
          tags: t('columns.tags'),
          marketing_consent: t('exportFile.marketing'),
        },
        words: {
          segments: Object.fromEntries(props.segmentIds.map((id) => [id, props.segmentName(id)])),
          valueTiers: Object.fromEntries(valueTiers.map((v) => [v, t(`tiers.${v}`)])),
          yes: t('exportFile.yes'),
          no: t('exportFile.no'),
        },
      }),
    onSuccess: (file) => {
      saveExportedFile(file)
      notifications.show({ message: t('actions.exported', { count: file.rows }) })
    },
  })

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <TextInput
          w={360}
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="customer-search"
        />
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            loading={exportAs.isPending}
            onClick={() => exportAs.mutate({ format: 'csv', marketing: false })}
            data-testid="customers-export-csv"
          >
            {t('actions.exportCsv')}
          </Button>
          <Button
            variant="default"
            size="xs"
            loading={exportAs.isPending}
            onClick={() => exportAs.mutate({ format: 'xlsx', marketing: false })}
          >
            {t('actions.exportXlsx')}
          </Button>
          <Button
            variant="default"
            size="xs"
            loading={exportAs.isPending}
            onClick={() => exportAs.mutate({ format: 'csv', marketing: true })}
            data-testid="customers-export-marketing"
          >
            {t('actions.exportMarketing')}
          </Button>
          <PrintButton
            size="xs"
            label="callList"
            request={{ report: 'call-list', source: 'customer_filter', filter }}
            testId="customer-print"
          />
          <SaveFilterButton filter={filter} />
          <Button size="xs" onClick={() => setCreating(true)} data-testid="customer-add">
            {t('actions.add')}
          </Button>
        </Group>
      </Group>
      {exportAs.isError && <ErrorNotice error={exportAs.error} />}
      <CustomerFilters filter={filters} onChange={setFilters} segmentName={props.segmentName} />
      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed" data-testid="customer-total">
          {t('subtitle', { total: fmt.number(total) })}
        </Text>
        <Group gap="xs">
          <TextInput
            size="xs"
            w={140}
            placeholder={t('actions.tagPlaceholder')}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            disabled={tag.trim() === '' || total === 0}
            loading={tagAll.isPending}
            onClick={() =>
              tagAll.mutate(tag.trim(), {
                onSuccess: (r) => {
                  notifications.show({ message: t('actions.tagged', { count: r.changed }) })
                  setTag('')
                },
              })
            }
          >
            {t('actions.tagAll', { count: total })}
          </Button>
        </Group>
      </Group>
      {first.isPending ? (
        <PageLoader />
      ) : first.isError ? (
        <ErrorNotice error={first.error} onRetry={() => void first.refetch()} />
      ) : total === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <CustomerTable
          filter={filter}
          total={total}
          firstRows={first.data.rows}
          sort={sort.column}
          direction={sort.direction}
          onSort={onSort}
          onOpen={props.onOpen}
          segmentName={props.segmentName}
        />
      )}
      {creating && (
        <CustomerForm opened onClose={() => setCreating(false)} onSaved={(id) => props.onOpen(id)} />
      )}
    </Stack>
  )
}
