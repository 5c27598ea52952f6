import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ExportedFile } from '../../../shared/api/export'
import { saveExportedFile } from '../api/download'
import { ErrorNotice } from './ErrorNotice'

/**
 * "Export this list" as CSV or XLSX: `exportFile` asks main for the file's bytes (in the user's language);
 * the file is offered as a download, never written to a path from here.
 */
export function ExportListButton(props: {
  exportFile: (format: 'csv' | 'xlsx') => Promise<ExportedFile>
  disabled?: boolean
}): React.JSX.Element {
  const { t } = useTranslation('components')
  const run = useMutation({
    mutationFn: props.exportFile,
    onSuccess: (file) => {
      saveExportedFile(file)
      notifications.show({
        color: 'teal',
        message: t('export.done', { rows: file.rows, file: file.fileName }),
      })
    },
  })
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            loading={run.isPending}
            disabled={props.disabled}
            data-testid="export-list"
          >
            {t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => run.mutate('csv')} data-testid="export-csv">
            {t('export.csv')}
          </Menu.Item>
          <Menu.Item onClick={() => run.mutate('xlsx')} data-testid="export-xlsx">
            {t('export.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {run.isError && <ErrorNotice error={run.error} />}
    </>
  )
}
