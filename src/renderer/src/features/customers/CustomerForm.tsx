import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerInput } from '../../../../shared/api/customers'
import { acquisitionSources } from '../../../../shared/api/customers'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorField, fieldErrorText } from './i18n/fieldErrors'
import { useCustomerMutation, useCustomerSearch } from './queries'
import { DateField } from '../../components/DateField'

interface Editing {
  id: number
  values: CustomerInput
}

const EMPTY: CustomerInput = {
  name: '',
  code: '',
  phone: '',
  email: '',
  lineId: '',
  birthday: null,
  address: '',
  acquisitionSource: null,
  referredBy: null,
  notes: '',
}

/** Create or edit a customer; the engine validates (Thai phones, e-mail, LINE ID, birthday) and says which field. */
export function CustomerForm(props: {
  opened: boolean
  editing?: Editing
  onClose: () => void
  onSaved?: (id: number) => void
}): React.JSX.Element {
  const { t } = useTranslation('customers')
  // mounted when opened, so the form starts from the customer as they are now
  const [values, setValues] = useState<CustomerInput>(props.editing?.values ?? EMPTY)
  const [referrerText, setReferrerText] = useState('')
  const referrers = useCustomerSearch(referrerText)
  const save = useCustomerMutation((input: CustomerInput) =>
    props.editing
      ? call('customerUpdate', { ...input, customerId: props.editing.id })
      : call('customerCreate', input),
  )
  const set = (patch: Partial<CustomerInput>) => setValues((v) => ({ ...v, ...patch }))
  const error = save.error
  // the engine names the field a bad value is in and why (params); the sentence goes under that input
  const badField = errorField(error)
  const fieldError = (field: string) => fieldErrorText(error, field, t)
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.editing ? t('form.editTitle') : t('form.createTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(values, {
            onSuccess: (r) => {
              props.onClose()
              props.onSaved?.(r.customerId)
            },
          })
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              required
              label={t('form.name')}
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={fieldError('name')}
              data-testid="form-name"
            />
            <TextInput
              label={t('form.code')}
              value={values.code ?? ''}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fieldError('code')}
            />
            <TextInput
              label={t('form.phone')}
              placeholder={t('form.phoneHint')}
              value={values.phone ?? ''}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={fieldError('phone')}
              data-testid="form-phone"
            />
            <TextInput
              label={t('form.email')}
              value={values.email ?? ''}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={fieldError('email')}
              data-testid="form-email"
            />
            <TextInput
              label={t('form.line')}
              value={values.lineId ?? ''}
              onChange={(e) => set({ lineId: e.currentTarget.value })}
              error={fieldError('lineId')}
            />
            <DateField
              clearable
              label={t('form.birthday')}
              value={values.birthday ?? null}
              onChange={(value) => set({ birthday: value })}
              error={fieldError('birthday')}
            />
            <Select
              label={t('form.source')}
              clearable
              value={values.acquisitionSource ?? null}
              data={acquisitionSources.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
              onChange={(v) => set({ acquisitionSource: v })}
            />
            <Select
              label={t('form.referredBy')}
              searchable
              clearable
              searchValue={referrerText}
              onSearchChange={setReferrerText}
              value={values.referredBy ? String(values.referredBy) : null}
              data={(referrers.data?.hits ?? []).map((h) => ({ value: String(h.id), label: h.name }))}
              onChange={(v) => set({ referredBy: v ? Number(v) : null })}
              error={fieldError('referredBy')}
            />
          </SimpleGrid>
          <Textarea
            label={t('form.address')}
            autosize
            minRows={2}
            value={values.address ?? ''}
            onChange={(e) => set({ address: e.currentTarget.value })}
            error={fieldError('address')}
            data-testid="form-address"
          />
          <Textarea
            label={t('form.notes')}
            autosize
            minRows={2}
            value={values.notes ?? ''}
            onChange={(e) => set({ notes: e.currentTarget.value })}
          />
          {error && badField === null && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="form-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
