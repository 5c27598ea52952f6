import { Button, type ButtonProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ReportRequest } from '../../../../shared/api/reports'
import { reportPreviewPath } from './reportLink'

/** Opens the print preview of a report; any page mounts it next to what it prints. */
export function PrintButton(
  props: { request: ReportRequest; label?: 'print' | 'callList' | 'profile'; testId?: string } & Pick<
    ButtonProps,
    'size' | 'variant'
  >,
): React.JSX.Element {
  const { t } = useTranslation('reports')
  const navigate = useNavigate()
  return (
    <Button
      size={props.size ?? 'sm'}
      variant={props.variant ?? 'default'}
      onClick={() => void navigate(reportPreviewPath(props.request))}
      data-testid={props.testId}
    >
      {t(`button.${props.label ?? 'print'}`)}
    </Button>
  )
}
