import { Table, Text, type MantineSpacing } from '@mantine/core'

/** A product as the tables show it: its name with its category below. */
export interface ProductRow {
  productId: number
  name: string
  category: string
}

/** A figure column right of the product: its header and the text of each row's value. */
export interface ProductColumn<P> {
  header: string
  value: (product: P) => string
}

/** The one table of products (dashboard top products, best sellers, bought together). */
export function ProductTable<P extends ProductRow>(props: {
  testId: string
  productHeader: string
  columns: ProductColumn<P>[]
  products: P[]
  striped?: boolean
  verticalSpacing?: MantineSpacing | number
}): React.JSX.Element {
  return (
    <Table data-testid={props.testId} striped={props.striped} verticalSpacing={props.verticalSpacing}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.productHeader}</Table.Th>
          {props.columns.map((c) => (
            <Table.Th key={c.header} ta="right">
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.products.map((p) => (
          <Table.Tr key={p.productId}>
            <Table.Td>
              <Text size="sm" data-untranslated>
                {p.name}
              </Text>
              <Text size="xs" c="dimmed" data-untranslated>
                {p.category}
              </Text>
            </Table.Td>
            {props.columns.map((c) => (
              <Table.Td key={c.header} ta="right">
                {c.value(p)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
