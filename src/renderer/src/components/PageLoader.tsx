import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function PageLoader(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Center h={240} aria-busy="true" aria-label={t('state.loading')}>
      <Loader />
    </Center>
  )
}
