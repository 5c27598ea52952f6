import { Button, Card, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRunAnalysis } from './analysisJob'

/** Before the first run: what the analysis does, and a button to run it (hidden while one runs). */
export function NoRunYet(): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const analysis = useRunAnalysis()
  return (
    <Card withBorder padding="xl" data-testid="analysis-no-run">
      <Stack gap="sm" align="flex-start" maw={640}>
        <Title order={3}>{t('run.noRun')}</Title>
        <Text>{t('run.noRunText')}</Text>
        {!analysis.running && (
          <Button color="teal.9" onClick={() => void analysis.start()} mt="xs">
            {t('run.start')}
          </Button>
        )}
      </Stack>
    </Card>
  )
}
