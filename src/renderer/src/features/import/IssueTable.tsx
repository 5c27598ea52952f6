import { ScrollArea, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RowIssueDto } from '../../../../shared/api/import'
import { IssueColumn } from './IssueColumn'

/** Row problems as the user fixes them: row number, column, the value as written, and why. */
export function IssueTable(props: { issues: RowIssueDto[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation('import')
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table striped withTableBorder fz="sm" verticalSpacing={6} data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('errors.row')}</Table.Th>
            <Table.Th>{t('errors.column')}</Table.Th>
            <Table.Th>{t('errors.value')}</Table.Th>
            <Table.Th>{t('errors.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.issues.map((issue, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {issue.row}
                {/* the data row after the one header line: the line number a spreadsheet shows */}
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('errors.line', { line: issue.row + 1 })}
                </Text>
              </Table.Td>
              <Table.Td>
                <IssueColumn column={issue.column} />
              </Table.Td>
              <Table.Td>
                {issue.value === '' ? (
                  <Text size="sm" c="dimmed">
                    {t('errors.empty')}
                  </Text>
                ) : (
                  <Text size="sm" data-untranslated>
                    {issue.value}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`reason.${issue.reason}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  )
}
