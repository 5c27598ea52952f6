import { useTranslation } from 'react-i18next'
import { fieldNameSchema } from '../../../../shared/api/import'

/**
 * The column of a row problem as the user knows it: one of Lukkha's fields by its label in the UI language
 * (never the internal key such as `net_amount`), or the file's own column name, which is the user's data.
 */
export function IssueColumn({ column }: { column: string }): React.JSX.Element {
  const { t } = useTranslation('import')
  const field = fieldNameSchema.safeParse(column)
  return field.success ? <span>{t(`field.${field.data}`)}</span> : <span data-untranslated>{column}</span>
}
