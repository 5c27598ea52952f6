import { Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** LINE ids open LINE's add-friend page; the shell lets https://line.me links out to the browser. */
function lineUrl(lineId: string): string {
  return `https://line.me/ti/p/~${encodeURIComponent(lineId.replace(/^@/, ''))}`
}

/** A customer's phone, LINE and e-mail as click-to-call, LINE and mail links; one line each. */
export function ContactLinks(props: {
  phone: string | null
  lineId: string | null
  email: string | null
}): React.JSX.Element {
  const { t } = useTranslation('components')
  const { phone, lineId, email } = props
  if (!phone && !lineId && !email)
    return (
      <Text size="xs" c="dimmed">
        {t('contacts.none')}
      </Text>
    )
  const stop = (event: React.MouseEvent): void => event.stopPropagation()
  return (
    <Stack gap={0} data-testid="contact-links">
      {phone && (
        <Anchor
          size="sm"
          href={`tel:${phone.replace(/[^\d+]/g, '')}`}
          onClick={stop}
          aria-label={t('contacts.call', { value: phone })}
          data-untranslated
        >
          {phone}
        </Anchor>
      )}
      {lineId && (
        <Anchor
          size="sm"
          href={lineUrl(lineId)}
          target="_blank"
          onClick={stop}
          aria-label={t('contacts.chat', { value: lineId })}
          data-untranslated
        >
          {t('contacts.line')} {lineId}
        </Anchor>
      )}
      {email && (
        <Anchor
          size="sm"
          href={`mailto:${email}`}
          onClick={stop}
          aria-label={t('contacts.mail', { value: email })}
          data-untranslated
        >
          {email}
        </Anchor>
      )}
    </Stack>
  )
}
