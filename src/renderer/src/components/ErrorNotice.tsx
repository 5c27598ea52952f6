import { Alert, Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useStaticFrameGone } from '../static-frame/useStaticFrameGone'
import { errorWords } from './errorText'

/**
 * A failed call, in the UI language: the sentence for its error code with its params (file, row, limit).
 * Every error notice of the app is this component.
 */
export function ErrorNotice(props: { error: unknown; onRetry?: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation('errors')
  const { t: tc } = useTranslation()
  const words = errorWords(props.error, t, i18n.language)
  useStaticFrameGone() // a start question failed: the notice replaces the page's frame
  return (
    <Alert color="red" title={t('title')} role="alert" data-error-code={words.code}>
      <Text size="sm">{words.sentence}</Text>
      {words.technical && (
        <Text size="xs" c="dimmed" mt={4} data-untranslated>
          {words.technical}
        </Text>
      )}
      {props.onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={props.onRetry}>
          {tc('actions.retry')}
        </Button>
      )}
    </Alert>
  )
}
