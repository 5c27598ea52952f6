import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportJob, ImportSummaryDto } from '../../../../shared/api/import'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { IssueTable } from './IssueTable'
import { displayPhone } from './labels'
import { MergeList } from './MergeSuggestions'
import { useDownloadRejected, useMergeSuggestions } from './queries'

// In order of what the owner wants to know first: what was added, then who, then how the file read.
const COUNTS = [
  'receiptsAdded',
  'linesAdded',
  'netAdded',
  'customersCreated',
  'customersMatched',
  'productsCreated',
  'rowsRead',
  'duplicatesSkipped',
  'rowsIgnored',
] as const satisfies readonly (keyof ImportSummaryDto)[]

function Stat(props: { label: string; value: string; testId: string }): React.JSX.Element {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="xl" data-testid={props.testId}>
        {props.value}
      </Text>
    </Paper>
  )
}

/** The customers this import created, by name and phone, from the API (the first 100). */
function NewCustomers(props: { summary: ImportSummaryDto }): React.JSX.Element {
  const { t } = useTranslation('import')
  const s = props.summary
  return (
    <Card withBorder padding="lg">
      <Title order={3} mb="sm">
        {t('summary.newCustomers')}
      </Title>
      {s.newCustomers.length === 0 ? (
        <Text c="dimmed">{t('summary.noNewCustomers')}</Text>
      ) : (
        <>
          {s.customersCreated > s.newCustomers.length && (
            <Text size="sm" c="dimmed" mb="sm">
              {t('summary.newCustomersMore', {
                shown: s.newCustomers.length,
                count: s.customersCreated,
              })}
            </Text>
          )}
          <Table striped fz="sm" verticalSpacing={6} data-testid="new-customers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.name')}</Table.Th>
                <Table.Th>{t('customer.phone')}</Table.Th>
                <Table.Th>{t('customer.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.newCustomers.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name ? (
                      <span data-untranslated>{c.name}</span>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('customer.noName')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-untranslated>{displayPhone(c.phone)}</Table.Td>
                  <Table.Td data-untranslated>{c.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  )
}

function MergesOfImport(props: { importId: number }): React.JSX.Element | null {
  const { t } = useTranslation('import')
  const merges = useMergeSuggestions(props.importId)
  if (!merges.data || merges.data.suggestions.length === 0) return null
  return (
    <Card withBorder padding="lg">
      <Title order={3}>{t('merges.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('merges.hint')}
      </Text>
      <MergeList suggestions={merges.data.suggestions} />
    </Card>
  )
}

/** Step 4 of a stored import: its counts, the new customers, what was left out, possible duplicates. */
export function ImportSummary(props: {
  job: ImportJob
  summary: ImportSummaryDto
  actions: ReactNode
}): React.JSX.Element {
  const { t } = useTranslation('import')
  const fmt = useFormat()
  const download = useDownloadRejected()
  const s = props.summary
  const counts = COUNTS.filter((k) => k !== 'rowsIgnored' || s.rowsIgnored > 0)
  return (
    <Stack gap="lg">
      <Alert color="teal" title={t('summary.done')}>
        <Text size="sm" fw={600} data-untranslated>
          {s.fileName}
        </Text>
        <Text size="sm">{t('summary.doneText')}</Text>
      </Alert>
      <SimpleGrid cols={3} data-testid="import-counts">
        {counts.map((key) => (
          <Stat
            key={key}
            label={t(`summary.counts.${key}`)}
            value={key === 'netAdded' ? fmt.baht(s.netAdded) : fmt.number(s[key])}
            testId={`count-${key}`}
          />
        ))}
      </SimpleGrid>
      {s.rowsRejected > 0 && (
        <Alert color="yellow">
          <Group justify="space-between">
            <Text size="sm" data-testid="summary-left-out">
              {t('summary.leftOut', { count: fmt.number(s.rowsRejected) })}
            </Text>
            {s.hasRejectedRows && (
              <Button
                size="xs"
                variant="default"
                loading={download.isPending}
                onClick={() => download.mutate(props.job.jobId)}
              >
                {t('summary.downloadRejected')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {download.isError && <ErrorNotice error={download.error} />}
      {s.warningCount > 0 && (
        <Card withBorder padding="lg">
          <Title order={4} mb="sm">
            {t('summary.warnings', { count: fmt.number(s.warningCount) })}
          </Title>
          <IssueTable issues={s.warnings.slice(0, 200)} testId="import-warnings" />
        </Card>
      )}
      <NewCustomers summary={s} />
      {s.importId !== null && s.mergeSuggestions > 0 && <MergesOfImport importId={s.importId} />}
      {props.actions}
    </Stack>
  )
}
