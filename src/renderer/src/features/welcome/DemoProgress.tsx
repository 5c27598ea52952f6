import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useProgress } from '../../api/events'

const PHASES = ['demo.phase.customers', 'demo.phase.receipts', 'demo.phase.saving'] as const
type Phase = (typeof PHASES)[number]
const isPhase = (phase: string): phase is Phase => (PHASES as readonly string[]).includes(phase)

/**
 * The progress events of the demo generator, as a bar and the current step. Mounted before the work starts
 * so no early event is missed; shown while `active`.
 */
export function DemoProgress(props: { active: boolean }): React.JSX.Element | null {
  const { t } = useTranslation('welcome')
  const progress = useProgress('demo')
  if (!props.active || !progress) return null
  const value = progress.total ? (100 * progress.done) / progress.total : 100
  return (
    <Stack gap={4} data-testid="demo-progress">
      <Progress value={value} animated />
      {isPhase(progress.phase) && (
        <Text size="sm" c="dimmed">
          {t(progress.phase)}
        </Text>
      )}
    </Stack>
  )
}
