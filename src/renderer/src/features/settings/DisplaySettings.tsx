import { Card, Input, Radio, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { dateStyles, type DateStyle, type Settings } from '../../../../shared/api/settings'
import { localToday } from '../../../../shared/calendar'
import { formatDate } from '../../format/dates'
import { LanguageSwitch } from './LanguageSwitch'
import { useUpdateSettings } from './queries'

const isDateStyle = (value: string): value is DateStyle => (dateStyles as readonly string[]).includes(value)

export function DisplaySettings(props: { settings: Settings }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const update = useUpdateSettings()
  const today = localToday(new Date())
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3}>{t('display.title')}</Title>
        <Input.Wrapper label={t('display.language')}>
          <Stack mt={6}>
            <LanguageSwitch />
          </Stack>
        </Input.Wrapper>
        <Radio.Group
          label={t('display.dateStyle')}
          value={props.settings.dateStyle}
          onChange={(value) => {
            if (isDateStyle(value)) update.mutate({ dateStyle: value })
          }}
        >
          <Stack gap="xs" mt={6}>
            {dateStyles.map((style) => (
              <Radio
                key={style}
                value={style}
                label={t(`display.${style}`, { example: formatDate(today, props.settings.language, style) })}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>
    </Card>
  )
}
