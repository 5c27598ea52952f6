import { Button, Card, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LOGO_BYTES, logoTypes, type Settings } from '../../../../shared/api/settings'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useClearLogo, useSetLogo } from './queries'

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '')
    }
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read.'))
    }
    reader.readAsDataURL(file)
  })
}

/**
 * The logo goes to the database as the image's bytes (a data: URL), never as a path; the engine checks the
 * type and size again. The checks here only give a quicker message.
 */
export function LogoField(props: { settings: Settings }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const setLogo = useSetLogo()
  const clearLogo = useClearLogo()
  const [problem, setProblem] = useState<string | null>(null)

  const choose = async (file: File | null): Promise<void> => {
    setProblem(null)
    if (!file) return
    if (!(logoTypes as readonly string[]).includes(file.type)) {
      setProblem(t('logo.wrongType'))
      return
    }
    if (file.size > MAX_LOGO_BYTES) {
      setProblem(t('logo.tooBig', { size: Math.ceil(file.size / 1024) }))
      return
    }
    setLogo.mutate(await readAsDataUrl(file), {
      onSuccess: () => notifications.show({ color: 'teal', message: t('logo.saved') }),
    })
  }

  const logo = props.settings.logo
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3}>{t('logo.title')}</Title>
        <Group align="center">
          {logo ? (
            <Image
              src={logo.dataUrl}
              alt={t('logo.alt')}
              w={96}
              h={96}
              fit="contain"
              data-testid="logo-preview"
            />
          ) : (
            <Text c="dimmed">{t('logo.none')}</Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('logo.hint')}
        </Text>
        {problem && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        {setLogo.isError && <ErrorNotice error={setLogo.error} />}
        <Group>
          <FileButton onChange={(file) => void choose(file)} accept={logoTypes.join(',')}>
            {(buttonProps) => (
              <Button variant="default" loading={setLogo.isPending} {...buttonProps}>
                {t('logo.choose')}
              </Button>
            )}
          </FileButton>
          {logo && (
            <Button
              variant="subtle"
              color="red"
              loading={clearLogo.isPending}
              onClick={() => clearLogo.mutate()}
            >
              {t('logo.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  )
}
