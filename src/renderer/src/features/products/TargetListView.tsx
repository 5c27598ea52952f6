import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableExportOptions } from '../../../../shared/api/export'
import { call } from '../../api/client'
import { saveExportedFile } from '../../api/download'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { ProductSelect } from './ProductSelect'
import { useTargetList } from './queries'
import { PrintButton } from '../reports/PrintButton'

/** "Customers who bought A but never B", with their contacts, exportable and printable. */
export function TargetListView(): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const [bought, setBought] = useState<number | null>(null)
  const [never, setNever] = useState<number | null>(null)
  const list = useTargetList(bought, never)
  const exporting = useMutation({
    mutationFn: (format: TableExportOptions['format']) =>
      call('exportBasketTargetList', {
        boughtProductId: bought ?? 0,
        neverProductId: never ?? 0,
        format,
        title: t('targets.fileTitle', {
          bought: list.data?.bought.name ?? '',
          never: list.data?.never.name ?? '',
        }),
        headers: {
          code: t('targets.code'),
          name: t('targets.name'),
          phone: t('targets.phone'),
          line_id: t('targets.line'),
          email: t('targets.email'),
          times_bought: t('targets.timesBought'),
          last_bought: t('targets.lastBought'),
        },
      }),
    onSuccess: saveExportedFile,
  })
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={4}>{t('targets.title')}</Title>
        <Group align="flex-end" className="no-print">
          <ProductSelect
            label={t('targets.bought')}
            value={bought}
            onChange={setBought}
            testId="targets-bought"
          />
          <ProductSelect
            label={t('targets.never')}
            value={never}
            onChange={setNever}
            testId="targets-never"
          />
        </Group>
        {list.fetchStatus === 'idle' && !list.data ? (
          <Text c="dimmed">{t('targets.pick')}</Text>
        ) : list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Group justify="space-between">
              <Text size="sm" data-testid="targets-summary">
                {t('targets.summary', {
                  count: fmt.number(list.data.customers.length),
                  bought: list.data.bought.name,
                  never: list.data.never.name,
                })}
              </Text>
              <Group gap="xs" className="no-print">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => exporting.mutate('csv')}
                  loading={exporting.isPending}
                  data-testid="targets-export-csv"
                >
                  {t('targets.exportCsv')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => exporting.mutate('xlsx')}
                  loading={exporting.isPending}
                >
                  {t('targets.exportXlsx')}
                </Button>
                <PrintButton
                  size="xs"
                  request={{ report: 'baskets', boughtProductId: bought ?? 0, neverProductId: never ?? 0 }}
                  testId="targets-print"
                />
              </Group>
            </Group>
            {exporting.isError && <ErrorNotice error={exporting.error} />}
            {list.data.customers.length === 0 ? (
              <Text c="dimmed">{t('targets.empty')}</Text>
            ) : (
              <Table data-testid="targets-table" striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('targets.name')}</Table.Th>
                    <Table.Th>{t('targets.phone')}</Table.Th>
                    <Table.Th>{t('targets.line')}</Table.Th>
                    <Table.Th>{t('targets.email')}</Table.Th>
                    <Table.Th ta="right">{t('targets.timesBought')}</Table.Th>
                    <Table.Th>{t('targets.lastBought')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.customers.map((c) => (
                    <Table.Tr key={c.customerId}>
                      <Table.Td data-untranslated>
                        {c.name}
                        {c.code ? ` (${c.code})` : ''}
                      </Table.Td>
                      <Table.Td data-untranslated>{c.phone ?? ''}</Table.Td>
                      <Table.Td data-untranslated>{c.lineId ?? ''}</Table.Td>
                      <Table.Td data-untranslated>{c.email ?? ''}</Table.Td>
                      <Table.Td ta="right">{fmt.number(c.timesBought)}</Table.Td>
                      <Table.Td>{fmt.date(c.lastBought.slice(0, 10))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
