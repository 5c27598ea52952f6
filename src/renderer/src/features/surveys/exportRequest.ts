import { useTranslation } from 'react-i18next'
import type { Input } from '../../../../shared/api'
import { satisfactionLevels, surveyChannels } from '../../../../shared/api/surveys'
import { useFormat } from '../../format/useFormat'
import { aspectLabel } from './labels'
import { useSurveyTemplate } from './queries'

/**
 * The responses export's header labels (by column id) and cell words for levels and channels, in the UI
 * language: the file is the shop's to read.
 */
export function useSurveyExportLabels(): Pick<Input<'surveysExport'>, 'headers' | 'valueLabels' | 'title'> {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const template = useSurveyTemplate()
  const columns = [
    'response_id',
    'responded_at',
    'channel',
    'customer',
    'phone',
    'line_id',
    'email',
    'receipt_number',
    'store',
    'staff',
    'overall',
    'comment',
  ] as const
  return {
    title: t('export.title'),
    headers: {
      ...Object.fromEntries(columns.map((c) => [c, t(`export.columns.${c}`)])),
      ...Object.fromEntries(
        (template.data?.aspects ?? []).map((a) => [`aspect:${a.key}`, aspectLabel(a, fmt.language)]),
      ),
    },
    valueLabels: {
      ...Object.fromEntries(satisfactionLevels.map((l) => [l, t(`level.${l}`)])),
      ...Object.fromEntries(surveyChannels.map((c) => [c, t(`export.channels.${c}`)])),
    },
  }
}
