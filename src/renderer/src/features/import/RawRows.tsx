import { Card, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../shared/api/import'

/** The first rows exactly as decoded, so the user sees that Thai text and the columns came out right. */
export function RawRows(props: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation('import')
  const p = props.preview
  return (
    <Card withBorder padding="lg">
      <Title order={3}>{t('raw.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {p.format === 'csv' ? t('raw.hint') : t('raw.hintSheet')}
      </Text>
      <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
        <Table
          striped
          withColumnBorders
          withTableBorder
          fz="sm"
          data-testid="raw-rows"
          style={{ whiteSpace: 'nowrap' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('raw.row')}</Table.Th>
              {p.header.map((name, i) => (
                <Table.Th key={i} data-untranslated>
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody data-untranslated>
            {p.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td c="dimmed">{r.row}</Table.Td>
                {r.cells.map((cell, i) => (
                  <Table.Td key={i}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  )
}
