import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Level } from '../../../../shared/api/surveys'
import styles from './counter.module.css'
import { LEVEL_COLOURS } from './labels'

export type CounterAnswer = { level: Level } | { expectation?: number; perception?: number }

const ORDER: { level: Level; key: string }[] = [
  { level: 'disappointed', key: '1' },
  { level: 'satisfied', key: '2' },
  { level: 'delighted', key: '3' },
]

/** One question of counter mode: three large buttons (keys 1/2/3), or two 1-5 rows for a gap question. */
export function CounterAspectRow(props: {
  label: string
  gap: boolean
  current: boolean
  answer: CounterAnswer | undefined
  onAnswer: (answer: CounterAnswer) => void
  testId: string
}): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const { answer } = props
  const level = answer && 'level' in answer ? answer.level : undefined
  const gap = answer && !('level' in answer) ? answer : {}
  return (
    <Group
      className={`${styles.row} ${props.current ? styles.current : ''}`}
      justify="space-between"
      wrap="nowrap"
      data-testid={props.testId}
      data-current={props.current || undefined}
      data-answer={level ?? (gap.perception ? `${gap.expectation}-${gap.perception}` : undefined)}
    >
      <Text fz={20} fw={600}>
        {props.label}
      </Text>
      {props.gap ? (
        <Stack gap={4}>
          {(['expectation', 'perception'] as const).map((which) => (
            <Group key={which} gap={4}>
              <Text w={80} size="sm">
                {t(`counter.${which}`)}
              </Text>
              {[1, 2, 3, 4, 5].map((v) => (
                <Button
                  key={v}
                  size="md"
                  variant={gap[which] === v ? 'filled' : 'default'}
                  onClick={() => props.onAnswer({ ...gap, [which]: v })}
                  tabIndex={-1}
                >
                  {v}
                </Button>
              ))}
            </Group>
          ))}
        </Stack>
      ) : (
        <Group gap="sm" wrap="nowrap">
          {ORDER.map((o) => (
            <Button
              key={o.level}
              className={styles.levelButton}
              color={LEVEL_COLOURS[o.level]}
              variant={level === o.level ? 'filled' : 'outline'}
              onClick={() => props.onAnswer({ level: o.level })}
              tabIndex={-1}
            >
              {t(`level.${o.level}`)}
              <span className={styles.key}>{o.key}</span>
            </Button>
          ))}
        </Group>
      )}
    </Group>
  )
}
