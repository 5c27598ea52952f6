import { Alert, Card, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  dateOrderSchema,
  decimalSeparatorSchema,
  textEncodingSchema,
  type ImportOptionsDto,
  type ImportPreview,
} from '../../../../shared/api/import'
import { delimiterKey } from './labels'

interface Props {
  preview: ImportPreview
  options: ImportOptionsDto
  onChange: (options: ImportOptionsDto) => void
}

/** The date-order question: asked when every date fits both orders, never answered by a guess. */
function DateOrder(props: Props): React.JSX.Element | null {
  const { t } = useTranslation('import')
  const d = props.preview.dateOrder
  const asked = d.needsDecision || props.options.dateOrder !== undefined
  if (!asked) {
    return d.value ? (
      <Text size="sm">{t('dateOrder.chosen', { order: t(`dateOrder.${d.value}`) })}</Text>
    ) : null
  }
  return (
    <Alert
      color={d.value ? 'blue' : 'orange'}
      title={t('dateOrder.question')}
      data-testid="date-order-question"
    >
      <Stack gap="sm">
        <Text size="sm">{t('dateOrder.ask')}</Text>
        <Radio.Group
          value={props.options.dateOrder ?? d.value}
          onChange={(value) => {
            const order = dateOrderSchema.safeParse(value)
            if (order.success) props.onChange({ ...props.options, dateOrder: order.data })
          }}
        >
          <Stack gap="xs">
            <Radio value="dmy" label={t('dateOrder.dmy')} />
            <Radio value="mdy" label={t('dateOrder.mdy')} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Alert>
  )
}

/** How the bytes become rows: text encoding, column separator, sheet, decimal mark; and the date order. */
export function ReadSettings(props: Props): React.JSX.Element {
  const { t } = useTranslation('import')
  const p = props.preview
  const set = (patch: ImportOptionsDto): void => props.onChange({ ...props.options, ...patch })
  // another encoding, separator or sheet gives another header: a mapping made for the old one cannot hold
  const reread = (patch: ImportOptionsDto): void => {
    const { mapping: _mapping, preset, ...rest } = props.options
    props.onChange({ ...rest, ...(preset && preset !== 'generic' ? { preset } : {}), ...patch })
  }
  const detected = (label: string, isDetected: boolean): string =>
    isDetected ? t('read.detected', { name: label }) : label
  const delimiterLabel = (d: string): string => {
    const key = delimiterKey(d)
    return key ? t(`delimiter.${key}`) : d
  }
  // what the user just chose shows at once; the rest is what the file is read with
  const decimal = props.options.decimalSeparator ?? p.mapping?.decimalSeparator ?? '.'
  return (
    <Card withBorder padding="lg">
      <Title order={3} mb="md">
        {t('read.title')}
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          {p.format === 'csv' && (
            <Select
              label={t('read.encoding')}
              allowDeselect={false}
              // an encoding's name and "detected" must read in full, in the field and in the list
              miw={280}
              comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
              value={props.options.encoding ?? p.encoding.value}
              data={p.encoding.options.map((e) => ({
                value: e,
                label: detected(t(`encoding.${e}`), e === p.encoding.detected),
              }))}
              onChange={(value) => {
                const encoding = textEncodingSchema.safeParse(value)
                if (encoding.success) reread({ encoding: encoding.data })
              }}
            />
          )}
          {p.format === 'csv' && (
            <Select
              label={t('read.delimiter')}
              data-testid="delimiter"
              allowDeselect={false}
              value={props.options.delimiter ?? p.delimiter.value}
              data={p.delimiter.options.map((d) => ({
                value: d,
                label: detected(delimiterLabel(d), d === p.delimiter.detected),
              }))}
              onChange={(value) => value && reread({ delimiter: value })}
            />
          )}
          {p.format === 'xlsx' && (
            <Select
              label={t('read.sheet')}
              allowDeselect={false}
              value={props.options.sheet ?? p.sheet.value}
              data={p.sheet.options}
              onChange={(value) => value && reread({ sheet: value })}
            />
          )}
          <Select
            label={t('read.decimal')}
            allowDeselect={false}
            value={decimal}
            data={[
              { value: '.', label: t('decimal.dot') },
              { value: ',', label: t('decimal.comma') },
            ]}
            onChange={(value) => {
              const mark = decimalSeparatorSchema.safeParse(value)
              if (mark.success) set({ decimalSeparator: mark.data })
            }}
          />
        </SimpleGrid>
        {p.format === 'csv' && p.encoding.guessed && (
          <Alert color="yellow" data-testid="encoding-guess">
            {p.encoding.badSequences > 0 && p.encoding.detected === 'utf-8'
              ? t('read.badBytes', { count: p.encoding.badSequences })
              : t('read.encodingGuess', { name: t(`encoding.${p.encoding.detected ?? 'utf-8'}`) })}
          </Alert>
        )}
        {p.format === 'csv' && (
          <Text size="sm" c="dimmed">
            {t('read.delimiterHint')}
          </Text>
        )}
        <DateOrder {...props} />
      </Stack>
    </Card>
  )
}
