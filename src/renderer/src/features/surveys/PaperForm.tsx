import { Button, Group, SegmentedControl, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { SurveyTemplate } from '../../../../shared/api/surveys'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSettings } from '../settings/queries'
import counter from './counter.module.css'
import styles from './paper.module.css'
import { useSurveyTemplate } from './queries'

const LEVELS = ['delighted', 'satisfied', 'disappointed'] as const
const SCORES = [1, 2, 3, 4, 5] as const
const PRINTING_CLASS = 'lukkha-printing-survey-form'

/**
 * The printable paper form: Thai, on A4 or A5, with the receipt number and a tick box per level. It is drawn
 * outside the app's root so that printing shows the form alone; the answers are keyed in afterwards.
 */
export function PaperForm({
  onClose,
  onKeyIn,
}: {
  onClose: () => void
  /** Opens the capture screen to key in filled-in forms (channel paper). */
  onKeyIn: () => void
}): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const template = useSurveyTemplate()
  const [size, setSize] = useState<'a4' | 'a5'>('a4')
  const [receipt, setReceipt] = useState('')
  useEffect(() => {
    document.body.classList.add(PRINTING_CLASS)
    return () => document.body.classList.remove(PRINTING_CLASS)
  }, [])
  return createPortal(
    <div className={`${counter.overlay} ${styles.printRoot}`} data-testid="surveys-paper-form">
      <Group className={styles.noPrint} justify="space-between" maw={900} mx="auto">
        <Title order={3}>{t('paper.title')}</Title>
        <Group>
          <SegmentedControl
            aria-label={t('paper.size')}
            value={size}
            onChange={(v) => setSize(v === 'a5' ? 'a5' : 'a4')}
            data={[
              { value: 'a4', label: 'A4' },
              { value: 'a5', label: 'A5' },
            ]}
          />
          <TextInput
            placeholder={t('paper.receipt')}
            aria-label={t('paper.receipt')}
            value={receipt}
            onChange={(e) => setReceipt(e.currentTarget.value)}
            data-testid="surveys-paper-receipt"
          />
          <Button onClick={() => window.print()}>{t('paper.print')}</Button>
          <Button variant="default" onClick={onKeyIn} data-testid="surveys-paper-key-in">
            {t('paper.keyIn')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('paper.close')}
          </Button>
        </Group>
      </Group>
      {/* The page size of the print: one @page rule while the form is open (named pages break before the form). */}
      <style>{`@page { size: ${size === 'a5' ? 'A5' : 'A4'}; margin: 0; }`}</style>
      {template.isError && <ErrorNotice error={template.error} />}
      {template.data && <Sheet survey={template.data} size={size} receipt={receipt} />}
    </div>,
    document.body,
  )
}

function Sheet(props: { survey: SurveyTemplate; size: 'a4' | 'a5'; receipt: string }): React.JSX.Element {
  const { i18n } = useTranslation('surveys')
  // The paper form is always in Thai: it is handed to customers in a Thai shop.
  const th = i18n.getFixedT('th', 'surveys')
  const settings = useSettings()
  const shop = settings.data?.shopName ?? ''
  const { survey } = props
  return (
    <div className={`${styles.sheet} ${styles[props.size]}`} lang="th" data-size={props.size}>
      {shop && <div style={{ fontWeight: 600 }}>{shop}</div>}
      <h2 style={{ margin: '2mm 0' }}>{th('paper.heading')}</h2>
      <div>
        {th('paper.receipt')}: <span className={styles.field}>{props.receipt || '\u00a0'}</span>
        {'  '}
        {th('paper.date')}: <span className={styles.field}>{'\u00a0'}</span>
      </div>
      <p>{th('paper.instructions')}</p>
      {survey.aspects.some((a) => a.asksGap) && <p>{th('paper.gapInstructions')}</p>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{th('paper.aspect')}</th>
            {LEVELS.map((l) => (
              <th key={l}>
                {th(`level.${l}`)}
                <div style={{ fontWeight: 400, fontSize: '0.8em' }}>{th(`level.${l}Hint`)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {survey.aspects.map((a) =>
            a.asksGap ? (
              <tr key={a.id} data-testid="paper-gap-row">
                <td>{a.labelTh}</td>
                <td colSpan={LEVELS.length} className={styles.gapCell}>
                  <ScaleLine label={th('paper.expectation')} />
                  <ScaleLine label={th('paper.perception')} />
                </td>
              </tr>
            ) : (
              <LevelRow key={a.id} label={a.labelTh} />
            ),
          )}
          <LevelRow label={survey.overallTh} />
        </tbody>
      </table>
      {survey.asksComment && (
        <>
          <div>{th('paper.commentLine')}</div>
          <div className={styles.line} />
          <div className={styles.line} />
        </>
      )}
      <p>
        {th('paper.phone')}: <span className={styles.field}>{'\u00a0'}</span>
      </p>
      <p>{th('paper.thanks')}</p>
    </div>
  )
}

/** An aspect (or the overall question) answered on the three levels: one tick box per level. */
function LevelRow({ label }: { label: string }): React.JSX.Element {
  return (
    <tr>
      <td>{label}</td>
      {LEVELS.map((l) => (
        <td key={l}>
          <span className={styles.box} />
        </td>
      ))}
    </tr>
  )
}

/** Expectation or perception on 1-5: five numbered tick boxes after the line's label. */
function ScaleLine({ label }: { label: string }): React.JSX.Element {
  return (
    <div className={styles.scaleLine}>
      <span className={styles.scaleLabel}>{label}</span>
      {SCORES.map((n) => (
        <span key={n} className={styles.scoreBox}>
          <span className={styles.box} /> {n}
        </span>
      ))}
    </div>
  )
}
