import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function PageHeader(props: {
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
}): React.JSX.Element {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={2}>
        <Title order={2}>{props.title}</Title>
        {typeof props.subtitle === 'string' ? <Text c="dimmed">{props.subtitle}</Text> : props.subtitle}
      </Stack>
      {props.actions}
    </Group>
  )
}
