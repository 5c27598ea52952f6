import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SurveyTemplateInput } from '../../../../shared/api/surveys'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useSaveTemplate, useSurveyTemplate } from './queries'

type Draft = SurveyTemplateInput

/** The questions: aspects in order with Thai and English labels, the overall question, the gap rule. */
export function TemplateView(): React.JSX.Element {
  const template = useSurveyTemplate()
  if (template.isError) return <ErrorNotice error={template.error} />
  if (!template.data) return <PageLoader />
  const { status: _status, ...initial } = template.data
  return <TemplateEditor key={JSON.stringify(initial)} initial={initial} />
}

function TemplateEditor({ initial }: { initial: Draft }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const save = useSaveTemplate()
  const [draft, setDraft] = useState<Draft>(initial)
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const setAspect = (i: number, patch: Partial<Draft['aspects'][number]>) =>
    set({ aspects: draft.aspects.map((a, j) => (j === i ? { ...a, ...patch } : a)) })
  const move = (i: number, by: number) => {
    const next = [...draft.aspects]
    const [a] = next.splice(i, 1)
    if (a) next.splice(i + by, 0, a)
    set({ aspects: next })
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <TextInput
          label={t('template.name')}
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <Group grow>
          <TextInput
            label={t('template.overallTh')}
            value={draft.overallTh}
            onChange={(e) => set({ overallTh: e.currentTarget.value })}
          />
          <TextInput
            label={t('template.overallEn')}
            value={draft.overallEn}
            onChange={(e) => set({ overallEn: e.currentTarget.value })}
          />
        </Group>
        <Group>
          <Checkbox
            label={t('template.asksComment')}
            checked={draft.asksComment}
            onChange={(e) => set({ asksComment: e.currentTarget.checked })}
          />
          <NumberInput
            label={t('template.threshold')}
            min={1}
            max={4}
            w={320}
            value={draft.gapThreshold}
            onChange={(v) => set({ gapThreshold: Math.min(4, Math.max(1, Number(v) || 1)) })}
          />
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('template.key')}</Table.Th>
              <Table.Th>{t('template.labelTh')}</Table.Th>
              <Table.Th>{t('template.labelEn')}</Table.Th>
              <Table.Th>{t('template.asksGap')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.aspects.map((a, i) => (
              <Table.Tr key={a.id ?? `new-${i}`}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={a.key}
                    onChange={(e) => setAspect(i, { key: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={a.labelTh}
                    onChange={(e) => setAspect(i, { labelTh: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={a.labelEn}
                    onChange={(e) => setAspect(i, { labelEn: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={a.asksGap}
                    onChange={(e) => setAspect(i, { asksGap: e.currentTarget.checked })}
                    aria-label={t('template.asksGap')}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('template.up')}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={i === draft.aspects.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('template.down')}
                    >
                      ↓
                    </ActionIcon>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => set({ aspects: draft.aspects.filter((_, j) => j !== i) })}
                    >
                      {t('template.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="default"
            onClick={() =>
              set({
                aspects: [
                  ...draft.aspects,
                  { key: `aspect_${draft.aspects.length + 1}`, labelTh: '', labelEn: '', asksGap: false },
                ],
              })
            }
          >
            {t('template.add')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate(draft)}>
            {save.isSuccess ? t('template.saved') : t('template.save')}
          </Button>
        </Group>
        {save.isError && <ErrorNotice error={save.error} />}
      </Stack>
    </Card>
  )
}
