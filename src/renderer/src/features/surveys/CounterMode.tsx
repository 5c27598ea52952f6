import {
  Alert,
  Button,
  Group,
  Kbd,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localTimestamp, localToday } from '../../../../shared/calendar'
import {
  surveyChannels,
  type Purchase,
  type ResponseInput,
  type SurveyChannel,
  type SurveyTemplate,
} from '../../../../shared/api/surveys'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import styles from './counter.module.css'
import { CounterAspectRow, type CounterAnswer } from './CounterAspectRow'
import { aspectLabel } from './labels'
import { useFindPurchase, useRecordResponse, useSurveyTemplate } from './queries'

const KEY_LEVEL = { '1': 'disappointed', '2': 'satisfied', '3': 'delighted' } as const
const OVERALL = -1

interface Item {
  id: number
  label: string
  gap: boolean
}

const complete = (a: CounterAnswer | undefined): boolean =>
  a !== undefined && ('level' in a || (a.expectation !== undefined && a.perception !== undefined))

/**
 * Counter mode: find the purchase (receipt number or phone, Enter), then one key per question (1/2/3, or two
 * 1-5 keys for a gap question), an optional comment, Enter to save; then it is ready for the next customer.
 */
export function CounterMode({
  onClose,
  channel = 'counter',
}: {
  onClose: () => void
  /** 'paper' when keying in paper forms afterwards, 'phone' / 'line' for answers taken there. */
  channel?: SurveyChannel
}): React.JSX.Element {
  const template = useSurveyTemplate()
  return (
    <div className={styles.overlay} data-testid="surveys-counter-mode">
      {template.data ? (
        <CounterSession survey={template.data} onClose={onClose} initialChannel={channel} />
      ) : template.isError ? (
        <ErrorNotice error={template.error} />
      ) : (
        <Loader />
      )}
    </div>
  )
}

/** Channels the capture screen records (an imported answer comes only from a file). */
const KEYED_CHANNELS = surveyChannels.filter((c) => c !== 'imported')

function CounterSession({
  survey,
  onClose,
  initialChannel,
}: {
  survey: SurveyTemplate
  onClose: () => void
  initialChannel: SurveyChannel
}): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const find = useFindPurchase()
  const record = useRecordResponse()
  const [query, setQuery] = useState('')
  const [purchase, setPurchase] = useState<Purchase | null | undefined>(undefined) // undefined: not chosen yet
  const [answers, setAnswers] = useState<Record<number, CounterAnswer>>({})
  const [comment, setComment] = useState('')
  const [saved, setSaved] = useState<{ followUp: boolean } | null>(null)
  const [channel, setChannel] = useState<SurveyChannel>(initialChannel)
  // the day the answer was given: today at the counter; the form's date when keying in paper later
  const [answeredOn, setAnsweredOn] = useState(localToday(new Date()))
  const searchRef = useRef<HTMLInputElement>(null)
  const commentRef = useRef<HTMLTextAreaElement>(null)

  const items = useMemo<Item[]>(
    () => [
      ...survey.aspects.map((a) => ({ id: a.id, label: aspectLabel(a, fmt.language), gap: a.asksGap })),
      { id: OVERALL, label: fmt.language === 'th' ? survey.overallTh : survey.overallEn, gap: false },
    ],
    [survey, fmt.language],
  )
  const currentIndex = items.findIndex((i) => !complete(answers[i.id]))
  const current = currentIndex >= 0 ? items[currentIndex] : undefined
  const answering = purchase !== undefined
  const done = answering && current === undefined

  const answer = (id: number, a: CounterAnswer) => setAnswers((prev) => ({ ...prev, [id]: a }))

  const reset = () => {
    setPurchase(undefined)
    setAnswers({})
    setComment('')
    setQuery('')
    find.reset()
    searchRef.current?.focus()
  }

  const save = () => {
    const overall = answers[OVERALL]
    const input: ResponseInput = {
      surveyId: survey.id,
      customerId: purchase?.customerId ?? null,
      receiptId: purchase?.receiptId ?? null,
      storeId: purchase?.storeId ?? null,
      staff: purchase?.staff ?? null,
      respondedAt:
        channel === 'counter' || answeredOn === localToday(new Date())
          ? localTimestamp(new Date())
          : `${answeredOn}T12:00:00`,
      channel,
      overall: overall && 'level' in overall ? overall.level : null,
      comment,
      answers: survey.aspects.map((a) => {
        const x = answers[a.id]
        return x && 'level' in x
          ? { aspectId: a.id, level: x.level }
          : { aspectId: a.id, expectation: x?.expectation ?? 3, perception: x?.perception ?? 3 }
      }),
    }
    record.mutate(input, {
      onSuccess: (r) => {
        setSaved({ followUp: r.followUpTaskId !== null })
        reset()
      },
    })
  }

  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })

  useEffect(() => {
    if (done) commentRef.current?.focus()
  }, [done])

  // Keys 1/2/3 (and 1-5 for gap questions) answer the current question wherever the focus is, except in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        onClose()
        return
      }
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement
      if (!typing && done && e.key === 'Enter') {
        e.preventDefault()
        saveRef.current()
        return
      }
      if (typing || !answering || !current) return
      if (e.key === 'Backspace' && currentIndex > 0) {
        const previous = items[currentIndex - 1]
        if (previous) setAnswers(({ [previous.id]: _dropped, ...rest }) => rest)
        e.preventDefault()
        return
      }
      if (current.gap) {
        if (!/^[1-5]$/.test(e.key)) return
        const a = answers[current.id]
        const g = a && !('level' in a) ? a : {}
        answer(
          current.id,
          g.expectation === undefined ? { expectation: Number(e.key) } : { ...g, perception: Number(e.key) },
        )
        e.preventDefault()
      } else if (e.key === '1' || e.key === '2' || e.key === '3') {
        answer(current.id, { level: KEY_LEVEL[e.key] })
        e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [answering, done, current, currentIndex, items, answers, onClose])

  const search = () => {
    const text = query.trim()
    setSaved(null)
    if (!text) {
      setPurchase(null)
      searchRef.current?.blur()
      return
    }
    find.mutate(text, {
      onSuccess: (found) => {
        if (found[0]) {
          setPurchase(found[0])
          searchRef.current?.blur()
        }
      },
    })
  }

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between">
        <Title order={2}>{t('counter.title')}</Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('counter.channel')}
            value={channel}
            onChange={(v) => setChannel(KEYED_CHANNELS.find((c) => c === v) ?? 'counter')}
            data={KEYED_CHANNELS.map((c) => ({ value: c, label: t(`export.channels.${c}`) }))}
            data-testid="surveys-counter-channel"
          />
          {channel !== 'counter' && (
            <DateField
              aria-label={t('counter.answeredOn')}
              value={answeredOn}
              max={localToday(new Date())}
              onChange={(v) => setAnsweredOn(v ?? localToday(new Date()))}
              testId="surveys-counter-date"
            />
          )}
          <Button variant="default" onClick={onClose}>
            {t('counter.close')}{' '}
            <Kbd ml={6} data-untranslated>
              Esc
            </Kbd>
          </Button>
        </Group>
      </Group>
      {saved && (
        <Alert color="green" data-testid="surveys-counter-saved">
          {t('counter.saved')} {saved.followUp ? t('counter.followUp') : ''}
        </Alert>
      )}
      {record.isError && <ErrorNotice error={record.error} />}
      {!answering ? (
        <Stack gap="xs">
          <TextInput
            ref={searchRef}
            size="xl"
            autoFocus
            label={t('counter.search')}
            description={t('counter.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') search()
            }}
            data-testid="surveys-counter-search"
          />
          {find.data?.length === 0 && <Text c="red">{t('counter.noMatch', { query })}</Text>}
          <Button variant="subtle" w="fit-content" onClick={() => setPurchase(null)}>
            {t('counter.anonymous')}
          </Button>
        </Stack>
      ) : (
        <Group justify="space-between" data-testid="surveys-counter-purchase">
          <Text fz="lg">
            {purchase?.receiptNumber ? (
              <>
                {t('counter.receipt')} <span data-untranslated>{purchase.receiptNumber}</span>
              </>
            ) : (
              t('counter.anonymous')
            )}
            {purchase && (
              <>
                {' · '}
                {purchase.customerName ? (
                  <span data-untranslated>{purchase.customerName}</span>
                ) : (
                  t('counter.walkIn')
                )}
              </>
            )}
            {purchase?.occurredAt ? ` · ${fmt.date(purchase.occurredAt.slice(0, 10))}` : ''}
            {purchase?.netSatang != null ? ` · ${fmt.baht(purchase.netSatang)}` : ''}
          </Text>
          <UnstyledButton c="blue" onClick={reset}>
            {t('counter.change')}
          </UnstyledButton>
        </Group>
      )}
      {answering && (
        <>
          <Text c="dimmed">{t('counter.keys')}</Text>
          <Stack gap={4}>
            {items.map((item) => (
              <CounterAspectRow
                key={item.id}
                label={item.label}
                gap={item.gap}
                current={item === current}
                answer={answers[item.id]}
                onAnswer={(a) => answer(item.id, a)}
                testId={item.id === OVERALL ? 'counter-row-overall' : `counter-row-${item.id}`}
              />
            ))}
          </Stack>
          {survey.asksComment && (
            <Textarea
              ref={commentRef}
              label={t('counter.comment')}
              value={comment}
              disabled={!done}
              onChange={(e) => setComment(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && done) {
                  e.preventDefault()
                  save()
                }
              }}
              data-testid="surveys-counter-comment"
            />
          )}
          <Button size="lg" w="fit-content" disabled={!done} loading={record.isPending} onClick={save}>
            {t('counter.save')}{' '}
            <Kbd ml={6} data-untranslated>
              Enter
            </Kbd>
          </Button>
        </>
      )}
    </Stack>
  )
}
