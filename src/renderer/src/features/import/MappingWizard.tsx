import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  importKindSchema,
  presetChoiceSchema,
  type ColumnMappingDto,
  type FieldName,
  type ImportOptionsDto,
  type ImportPreview,
} from '../../../../shared/api/import'

interface Props {
  preview: ImportPreview
  options: ImportOptionsDto
  guessed: boolean
  onChange: (options: ImportOptionsDto, guessed?: boolean) => void
}

/** A recognised layout: which column feeds each field, read-only (the preset knows the POS's quirks). */
function PresetColumns(props: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation('import')
  const columns = props.preview.mapping?.columns ?? {}
  const fields = props.preview.fields.filter((f) => columns[f.name])
  return (
    <SimpleGrid cols={2} spacing="xs">
      {[fields.slice(0, Math.ceil(fields.length / 2)), fields.slice(Math.ceil(fields.length / 2))].map(
        (half, i) => (
          <Table key={i} fz="sm" verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              {half.map((f) => (
                <Table.Tr key={f.name}>
                  <Table.Td w="50%">{t(`field.${f.name}`)}</Table.Td>
                  <Table.Td c="dimmed" data-untranslated>
                    {columns[f.name]}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ),
      )}
    </SimpleGrid>
  )
}

/** The wizard proper: any column of the file to each of Lukkha's fields. */
function ColumnChoices(props: Props & { mapping: ColumnMappingDto }): React.JSX.Element {
  const { t } = useTranslation('import')
  const p = props.preview
  const mapping = props.mapping
  const columnNames = [...new Set(p.header.filter((h) => h.trim() !== ''))]
  const groups = new Map<number, number>()
  for (const f of p.fields) {
    if (f.requiredGroup !== null) groups.set(f.requiredGroup, (groups.get(f.requiredGroup) ?? 0) + 1)
  }
  const setMapping = (next: ColumnMappingDto): void =>
    props.onChange({ ...props.options, preset: 'generic', mapping: next })
  const setColumn = (field: FieldName, column: string | null): void => {
    const others = Object.entries(mapping.columns).filter(([name]) => name !== field)
    const columns = Object.fromEntries(column ? [...others, [field, column]] : others)
    setMapping({ ...mapping, columns })
  }
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="xl">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('mapping.kind')}
          </Text>
          <SegmentedControl
            value={mapping.kind}
            data={[
              { value: 'sales', label: t('mapping.kindSales') },
              { value: 'customers', label: t('mapping.kindCustomers') },
            ]}
            onChange={(value) => {
              const kind = importKindSchema.safeParse(value)
              // the two kinds have different fields: the user maps the columns again for the other one
              if (kind.success) setMapping({ ...mapping, kind: kind.data, columns: {} })
            }}
          />
        </Stack>
        <TextInput
          key={p.fileId}
          w={460}
          label={t('mapping.source')}
          description={t('mapping.sourceHint')}
          defaultValue={mapping.source && mapping.source !== 'generic' ? mapping.source : ''}
          onBlur={(event) => {
            const source = event.currentTarget.value.trim()
            if (source !== (mapping.source ?? '')) {
              const { source: _old, ...rest } = mapping
              setMapping(source ? { ...rest, source } : rest)
            }
          }}
        />
      </Group>
      <SimpleGrid cols={3} spacing="md" data-testid="mapping-fields">
        {p.fields.map((f) => {
          const group = f.requiredGroup
          const alone = group !== null && groups.get(group) === 1
          return (
            <Select
              key={f.name}
              label={t(`field.${f.name}`)}
              withAsterisk={alone}
              description={group !== null && !alone ? t('mapping.oneOf') : undefined}
              placeholder={t('mapping.notMapped')}
              data={columnNames}
              value={mapping.columns[f.name] ?? null}
              onChange={(value) => setColumn(f.name, value)}
              clearable
              searchable
              data-field={f.name}
            />
          )
        })}
      </SimpleGrid>
    </Stack>
  )
}

/** Which layout the file is and which column feeds each of Lukkha's fields. */
export function MappingWizard(props: Props): React.JSX.Element {
  const { t } = useTranslation('import')
  const p = props.preview
  const generic = p.preset.value === 'generic' || props.options.mapping !== undefined
  const mapping: ColumnMappingDto = props.options.mapping ?? p.mapping ?? { kind: p.kind, columns: {} }
  const choice = props.options.preset
  const chosenPreset = choice && choice !== 'auto' && choice !== 'generic' ? choice : p.preset.value
  const chooseLayout = (value: string | null): void => {
    const choice = presetChoiceSchema.safeParse(value)
    if (!choice.success) return
    if (choice.data === 'generic') {
      // start from what the file is read with now: the preset's columns become the user's mapping
      props.onChange({ ...props.options, preset: 'generic', mapping }, false)
    } else {
      const { mapping: _user, ...rest } = props.options
      props.onChange({ ...rest, preset: choice.data }, false)
    }
  }
  const layoutData = [
    ...p.preset.options.map((o) => ({ value: o.name, label: t(`preset.${o.name}`) })),
    { value: 'generic', label: t('mapping.own') },
  ]
  const missing = p.missing.map((group) => group.map((f) => t(`field.${f}`)).join(t('mapping.or'))).join('; ')
  return (
    <Card withBorder padding="lg" data-testid="mapping">
      <Title order={3} mb="md">
        {t('mapping.title')}
      </Title>
      <Stack gap="md">
        <Group align="flex-end">
          <Select
            w={360}
            label={t('mapping.layout')}
            allowDeselect={false}
            data={layoutData}
            value={generic ? 'generic' : chosenPreset}
            onChange={chooseLayout}
            data-testid="layout"
          />
          {!generic && p.mapping && (
            <Button variant="light" onClick={() => chooseLayout('generic')}>
              {t('mapping.mapMyself')}
            </Button>
          )}
        </Group>
        {!generic && p.mapping && (
          <>
            <Text size="sm" c="dimmed">
              {t('mapping.recognised')}
            </Text>
            <PresetColumns preview={p} />
          </>
        )}
        {generic && (
          <>
            {p.mappingOrigin === 'saved' && <Alert color="teal">{t('mapping.saved')}</Alert>}
            {p.mappingOrigin !== 'saved' && props.guessed && (
              <Alert color="yellow">{t('mapping.guessed')}</Alert>
            )}
            {p.mappingOrigin !== 'saved' && !props.guessed && (
              <Text size="sm" c="dimmed">
                {t('mapping.user')}
              </Text>
            )}
            <ColumnChoices {...props} mapping={mapping} />
          </>
        )}
        {missing && (
          <Alert color="orange" data-testid="mapping-missing">
            {t('mapping.missing', { fields: missing })}
          </Alert>
        )}
      </Stack>
    </Card>
  )
}
