import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChurnLevel } from '../../../../shared/api/analysis'

// The "dot" variant: dark text on white with a coloured dot, readable whatever the level's colour.
const COLOURS: Record<ChurnLevel, string> = { low: 'teal', medium: 'yellow', high: 'red' }

/** The churn level (derived from the churn score: the chance of no purchase in the next 90 days) as a badge. */
export function ChurnBadge(props: { level: ChurnLevel }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  return (
    <Badge color={COLOURS[props.level]} variant="dot" radius="sm" tt="none" fw={600} size="md">
      {t(`churn.level.${props.level}`)}
    </Badge>
  )
}
