import { Card, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** One figure column of a month table: its heading and the cell of a month's row. */
export interface MonthColumn<M> {
  label: string
  cell: (m: M) => ReactNode
  /** The column the table is about (bold). */
  strong?: boolean
  colour?: (m: M) => string | undefined
}

/**
 * A card with a title, an explanation and a table of months: the month's name, then right-aligned figures.
 * The retention page's second-purchase and churn tables and the growth page's new vs returning revenue
 * are all this shape.
 */
export function MonthTable<M extends { month: string }>(props: {
  testId: string
  title: string
  intro: string
  /** Lines between the explanation and the table (an overall figure). */
  summary?: ReactNode
  monthLabel: string
  monthName: (month: string) => string
  columns: MonthColumn<M>[]
  rows: M[]
}): React.JSX.Element {
  return (
    <Card withBorder padding="lg" data-testid={props.testId}>
      <Stack gap="sm">
        <Title order={4}>{props.title}</Title>
        <Text size="sm" c="dimmed">
          {props.intro}
        </Text>
        {props.summary}
        <ScrollArea>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{props.monthLabel}</Table.Th>
                {props.columns.map((c) => (
                  <Table.Th key={c.label} ta="right">
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rows.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{props.monthName(m.month)}</Table.Td>
                  {props.columns.map((c) => (
                    <Table.Td key={c.label} ta="right" fw={c.strong ? 600 : undefined} c={c.colour?.(m)}>
                      {c.cell(m)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Card>
  )
}
