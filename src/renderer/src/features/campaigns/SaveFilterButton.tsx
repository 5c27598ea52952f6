import { Button, Popover, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { CustomerFilter } from '../../../../shared/api/customers'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSaveCustomerFilter } from './queries'

/** On the customer list: save the current filter under a name and start a campaign for it. */
export function SaveFilterButton(props: { filter: CustomerFilter }): React.JSX.Element {
  const { t } = useTranslation('campaigns')
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const save = useSaveCustomerFilter()
  return (
    <Popover width={300} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" data-testid="save-filter">
          {t('saveFilter.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            label={t('saveFilter.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="save-filter-name"
          />
          {save.isError && <ErrorNotice error={save.error} />}
          <Button
            size="xs"
            disabled={name.trim() === ''}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { name: name.trim(), filter: props.filter },
                { onSuccess: (saved) => void navigate(`/campaigns?new=1&filter=${saved.id}`) },
              )
            }
            data-testid="save-filter-submit"
          >
            {t('saveFilter.save')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
