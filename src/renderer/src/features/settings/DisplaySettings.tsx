import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core'
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
  const today = localToday()
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3}>{t('display.title')}</Title>
        <Stack gap={4}>
          <Text fw={500}>{t('display.language')}</Text>
          <LanguageSwitch />
        </Stack>
        <Stack gap={4}>
          <Text fw={500} id="date-style-label">
            {t('display.dateStyle')}
          </Text>
          <SegmentedControl
            aria-labelledby="date-style-label"
            value={props.settings.dateStyle}
            onChange={(value) => {
              if (isDateStyle(value)) update.mutate({ dateStyle: value })
            }}
            data={dateStyles.map((style) => ({
              value: style,
              label: t(`display.${style}`, { example: formatDate(today, props.settings.language, style) }),
            }))}
          />
        </Stack>
      </Stack>
    </Card>
  )
}
