import { Stack, Text } from '@mantine/core'

/** One labelled figure of a customer (profile page, analysis drawer), with an optional note below. */
export function Fact(props: {
  label: string
  value: string
  note?: string
  testId?: string
}): React.JSX.Element {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {props.label}
      </Text>
      <Text fw={600} data-testid={props.testId}>
        {props.value}
      </Text>
      {props.note && (
        <Text size="xs" c="gray.7">
          {props.note}
        </Text>
      )}
    </Stack>
  )
}
