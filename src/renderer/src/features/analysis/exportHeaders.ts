import { useTranslation } from 'react-i18next'
import type { ExportCustomerListInput } from '../../../../shared/api/customer-lists'
import { useFormat } from '../../format/useFormat'

/** The exported list's header labels and churn words in the user's language (the file is theirs to read). */
export function useExportHeaders(): Pick<ExportCustomerListInput, 'headers' | 'language' | 'churnLabels'> {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  return {
    language: fmt.language,
    headers: {
      code: t('columns.code'),
      name: t('columns.name'),
      phone: t('exportColumns.phone'),
      line: t('exportColumns.line'),
      email: t('exportColumns.email'),
      segment: t('exportColumns.segment'),
      last_purchase: t('exportColumns.lastPurchase'),
      recency_days: t('columns.recency'),
      receipts: t('columns.frequency'),
      net_spend: t('exportColumns.netSpend'),
      predicted_value: t('exportColumns.predictedValue'),
      churn_level: t('columns.churn'),
    },
    churnLabels: { low: t('churn.level.low'), medium: t('churn.level.medium'), high: t('churn.level.high') },
  }
}
