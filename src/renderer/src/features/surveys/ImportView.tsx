import { Button, Card, FileButton, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SurveyMapping } from '../../../../shared/api/surveys'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { aspectLabel } from './labels'
import { ImportJobView } from './ImportJobView'
import { useStartSurveyImport, useSurveyTemplate } from './queries'

const FIELDS = [
  'respondedAt',
  'phone',
  'customerCode',
  'receiptNumber',
  'store',
  'staff',
  'overall',
  'comment',
] as const
type Field = (typeof FIELDS)[number]

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** The first header that contains the label (or the label contains it), for a first guess at the mapping. */
const guess = (header: string[], labels: string[]): string | undefined =>
  header.find((h) =>
    labels.some(
      (l) => l && (h.toLowerCase().includes(l.toLowerCase()) || l.toLowerCase().includes(h.toLowerCase())),
    ),
  )

export function ImportView(): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const { t: th } = useTranslation('surveys', { lng: 'th' })
  const { t: en } = useTranslation('surveys', { lng: 'en' })
  const fmt = useFormat()
  const template = useSurveyTemplate()
  const [file, setFile] = useState<{ name: string; base64: string; header: string[] } | null>(null)
  const [fields, setFields] = useState<Partial<Record<Field, string>>>({})
  const [aspects, setAspects] = useState<Record<string, string>>({})
  const [jobId, setJobId] = useState<string | null>(null)
  const preview = useMutation({
    mutationFn: async (f: File) => {
      const base64 = await toBase64(f)
      const p = await call('surveysImportPreview', { fileName: f.name, base64 })
      return { name: f.name, base64, header: p.header }
    },
    onSuccess: (f) => {
      setFile(f)
      setJobId(null)
      const next: Partial<Record<Field, string>> = {}
      for (const field of FIELDS) {
        const g = guess(f.header, [
          th(`import.fields.${field}`),
          en(`import.fields.${field}`),
          field === 'respondedAt' ? 'timestamp' : '',
        ])
        if (g) next[field] = g
      }
      setFields(next)
      const a: Record<string, string> = {}
      for (const aspect of template.data?.aspects ?? []) {
        const g = guess(f.header, [aspect.labelTh, aspect.labelEn])
        if (g) a[aspect.key] = g
      }
      setAspects(a)
    },
  })
  const run = useStartSurveyImport()
  const columns = [
    { value: '', label: t('import.none') },
    ...(file?.header ?? []).map((h) => ({ value: h, label: h })),
  ]
  const start = () => {
    if (!file || !fields.respondedAt) return
    const mapping: SurveyMapping = {
      respondedAt: fields.respondedAt,
      aspects: Object.fromEntries(Object.entries(aspects).filter(([, c]) => c)),
      ...Object.fromEntries(
        FIELDS.filter((f) => f !== 'respondedAt' && fields[f]).map((f) => [f, fields[f]]),
      ),
    }
    run.mutate(
      { fileName: file.name, base64: file.base64, mapping },
      { onSuccess: (started) => setJobId(started.jobId) },
    )
  }
  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Title order={4}>{t('import.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('import.hint')}
        </Text>
        <Group>
          <FileButton onChange={(f) => f && preview.mutate(f)} accept=".csv,.xlsx,text/csv">
            {(props) => (
              <Button {...props} loading={preview.isPending}>
                {t('import.choose')}
              </Button>
            )}
          </FileButton>
          {file && <Text data-untranslated>{file.name}</Text>}
        </Group>
        {preview.isError && <ErrorNotice error={preview.error} />}
      </Card>
      {file && (
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {FIELDS.map((f) => (
              <Select
                key={f}
                label={t(`import.fields.${f}`)}
                data={columns}
                value={fields[f] ?? ''}
                onChange={(v) => setFields((p) => ({ ...p, [f]: v ?? '' }))}
              />
            ))}
            {template.data?.aspects.map((a) => (
              <Select
                key={a.key}
                label={aspectLabel(a, fmt.language)}
                data={columns}
                value={aspects[a.key] ?? ''}
                onChange={(v) => setAspects((p) => ({ ...p, [a.key]: v ?? '' }))}
              />
            ))}
          </SimpleGrid>
          <Button
            mt="md"
            onClick={start}
            disabled={!fields.respondedAt || preview.isPending}
            loading={run.isPending}
            data-testid="surveys-import-run"
          >
            {t('import.run')}
          </Button>
        </Card>
      )}
      {run.isError && <ErrorNotice error={run.error} />}
      {jobId && <ImportJobView jobId={jobId} />}
    </Stack>
  )
}
