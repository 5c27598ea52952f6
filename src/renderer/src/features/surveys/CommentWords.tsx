import { Badge, Card, Group, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SurveyAnalysis } from '../../../../shared/api/surveys'
import { useFormat } from '../../format/useFormat'

export function CommentWords({ analysis }: { analysis: SurveyAnalysis }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  return (
    <Card withBorder padding="lg">
      <Title order={4}>{t('words.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('words.hint', { n: fmt.number(analysis.disappointedComments) })}
      </Text>
      {analysis.words.length === 0 ? (
        <Text c="dimmed">{t('words.empty')}</Text>
      ) : (
        <Group gap="xs" data-testid="surveys-words" data-untranslated>
          {analysis.words.map((w) => (
            <Badge key={w.word} size="lg" variant="light" color="red" tt="none">
              {w.word} · {fmt.number(w.count)}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  )
}
