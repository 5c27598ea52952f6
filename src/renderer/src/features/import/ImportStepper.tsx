import { Stepper } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const STEPS = ['file', 'check', 'import', 'summary'] as const

/** Where the user is: file, check and map, import, summary. It shows progress only; the steps' own buttons move on. */
export function ImportStepper(props: { active: 0 | 1 | 2 | 3 }): React.JSX.Element {
  const { t } = useTranslation('import')
  // a finished flow shows every step as done
  const active = props.active === 3 ? 4 : props.active
  return (
    // the steps are not buttons: they show where the user is and are not clicked
    <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label={t('steps.label')}>
      {STEPS.map((step) => (
        <Stepper.Step key={step} label={t(`steps.${step}`)} component="div" allowStepSelect={false} />
      ))}
    </Stepper>
  )
}
