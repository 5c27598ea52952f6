import { Group, Table, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'

export type Direction = 'asc' | 'desc'

function Chevron(props: { direction: Direction | null }): React.JSX.Element {
  // An SVG, not a text arrow: Sarabun has no arrow glyphs and a fallback font would be drawn instead.
  const path = props.direction === 'asc' ? 'M2 8 L6 4 L10 8' : 'M2 4 L6 8 L10 4'
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" style={{ flex: 'none' }}>
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        opacity={props.direction ? 1 : 0.3}
      />
    </svg>
  )
}

/** A column header that sorts the table by its column; aria-sort tells screen readers the order. */
export function SortHeader(props: {
  children: ReactNode
  active: boolean
  direction: Direction
  onSort: () => void
  align?: 'left' | 'right'
  testId?: string
}): React.JSX.Element {
  const right = props.align === 'right'
  return (
    <Table.Th
      ta={right ? 'right' : 'left'}
      aria-sort={props.active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={props.onSort} fw={600} fz="sm" data-testid={props.testId}>
        <Group gap={4} wrap="nowrap" justify={right ? 'flex-end' : 'flex-start'}>
          {props.children}
          <Chevron direction={props.active ? props.direction : null} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
