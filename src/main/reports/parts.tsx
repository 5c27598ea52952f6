/** @jsxRuntime automatic */
import type { ReactNode } from 'react'

// Small building blocks of report pages: key figures, plain tables with numeric columns, write-in columns.

export function Kpis(props: { items: { label: string; value: string }[] }): React.JSX.Element {
  return (
    <div className="kpis">
      {props.items.map((item) => (
        <div className="kpi" key={item.label}>
          <div className="label">{item.label}</div>
          <div className="value">{item.value}</div>
        </div>
      ))}
    </div>
  )
}

export interface Column<T> {
  label: string
  cell: (row: T) => ReactNode
  /** Right-aligned tabular figures. */
  numeric?: boolean
  /** An empty column to write in by hand. */
  write?: boolean
  nowrap?: boolean
  /** One line, cut with an ellipsis (keeps a one-page report on one page). */
  clip?: boolean
}

/** A full table: every row is printed (no pager); the header repeats on each page and no row is split. */
export function Table<T>(props: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string | number }) {
  const className = (c: Column<T>): string | undefined =>
    c.numeric ? 'num' : c.write ? 'write' : c.nowrap ? 'nowrap' : c.clip ? 'clip' : undefined
  return (
    <table>
      <thead>
        <tr>
          {props.columns.map((c, i) => (
            <th key={i} className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c, i) => (
              <td key={i} className={className(c)}>
                {c.write ? '' : c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
