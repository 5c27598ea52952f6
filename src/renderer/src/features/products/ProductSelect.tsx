import { Select } from '@mantine/core'
import { useProductsOverview } from './queries'

/** A searchable product picker over the products with sales (best sellers first). */
export function ProductSelect(props: {
  label: string
  value: number | null
  onChange: (productId: number | null) => void
  testId?: string
}): React.JSX.Element {
  const overview = useProductsOverview()
  const data = (overview.data?.bestSellers ?? []).map((p) => ({
    value: String(p.productId),
    label: p.sku ? `${p.name} (${p.sku})` : p.name,
  }))
  return (
    <Select
      label={props.label}
      data={data}
      value={props.value === null ? null : String(props.value)}
      onChange={(v) => props.onChange(v === null ? null : Number(v))}
      searchable
      w={320}
      data-testid={props.testId}
    />
  )
}
