import { Alert, Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/client'

/**
 * A failed call, in the UI language: the translated meaning of its error code, then the engine's own
 * message (which names the file, row or field concerned).
 */
export function ErrorNotice(props: { error: unknown; onRetry?: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const code = props.error instanceof ApiCallError ? props.error.code : 'internal'
  const detail = props.error instanceof Error ? props.error.message : String(props.error)
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      <Text size="sm">{t(`errors.${code}`)}</Text>
      <Text size="xs" c="dimmed" mt={4} data-untranslated>
        {detail}
      </Text>
      {props.onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={props.onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </Alert>
  )
}
