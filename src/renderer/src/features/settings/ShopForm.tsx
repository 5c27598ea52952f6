import { Button, Card, Group, Stack, TextInput, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../../shared/api/settings'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useUpdateSettings } from './queries'

export function ShopForm(props: { settings: Settings }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const update = useUpdateSettings()
  const form = useForm({
    initialValues: { shopName: props.settings.shopName, shopAddress: props.settings.shopAddress },
  })
  const save = form.onSubmit((values) => {
    update.mutate(values, {
      onSuccess: (saved) => {
        form.setInitialValues({ shopName: saved.shopName, shopAddress: saved.shopAddress })
        form.reset()
        notifications.show({ color: 'teal', message: t('shop.saved') })
      },
    })
  })
  return (
    <Card withBorder padding="lg">
      <form onSubmit={save}>
        <Stack>
          <Title order={3}>{t('shop.title')}</Title>
          <TextInput label={t('shop.name')} maxLength={200} {...form.getInputProps('shopName')} />
          <Textarea
            label={t('shop.address')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('shopAddress')}
          />
          {update.isError && <ErrorNotice error={update.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('shop.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
