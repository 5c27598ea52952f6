import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { useCustomerMutation, useDuplicates, useMerges } from './queries'

type Brief = { id: number; name: string; phone: string | null; email: string | null; code: string | null }

function Who({ c }: { c: Brief }): React.JSX.Element {
  return (
    <Stack gap={0} w={260}>
      <Text fw={600} size="sm" data-untranslated>
        {c.name}
      </Text>
      <Text size="xs" c="dimmed" data-untranslated>
        {[c.code, c.phone, c.email].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  )
}

/** Probable duplicates (with the import's suggestions), a merge in one click, and undo for every merge. */
export function DuplicatesView(): React.JSX.Element {
  const { t } = useTranslation('customers')
  const fmt = useFormat()
  const duplicates = useDuplicates()
  const merges = useMerges()
  const merge = useCustomerMutation((input: { keepId: number; otherId: number }) =>
    call('customersMerge', input),
  )
  const undo = useCustomerMutation((mergeId: number) => call('customersMergeUndo', { mergeId }))
  if (duplicates.isPending) return <PageLoader />
  if (duplicates.isError)
    return <ErrorNotice error={duplicates.error} onRetry={() => void duplicates.refetch()} />
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('duplicates.intro')}
      </Text>
      {merge.isSuccess && <Alert color="teal">{t('duplicates.merged')}</Alert>}
      {(merge.error ?? undo.error) && <ErrorNotice error={merge.error ?? undo.error} />}
      {duplicates.data.duplicates.length === 0 ? (
        <Text>{t('duplicates.none')}</Text>
      ) : (
        <Stack gap="xs">
          {duplicates.data.duplicates.map((d) => (
            <Card key={`${d.a.id}-${d.b.id}`} withBorder p="sm" data-testid={`duplicate-${d.a.id}-${d.b.id}`}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="lg" wrap="nowrap">
                  <Who c={d.a} />
                  <Who c={d.b} />
                  <Stack gap={2}>
                    <Badge variant="light">{t(`duplicates.reasons.${d.reason}`)}</Badge>
                    {d.suggestionId !== null && (
                      <Text size="xs" c="dimmed">
                        {t('duplicates.fromImport')}
                      </Text>
                    )}
                  </Stack>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => merge.mutate({ keepId: d.a.id, otherId: d.b.id })}
                    data-testid="merge-keep-a"
                  >
                    {t('duplicates.keep', { name: d.a.name })}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => merge.mutate({ keepId: d.b.id, otherId: d.a.id })}
                  >
                    {t('duplicates.keep', { name: d.b.name })}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Text fw={600}>{t('duplicates.history')}</Text>
      <Stack gap={4}>
        {(merges.data?.merges ?? []).map((m) => (
          <Group key={m.id} justify="space-between" data-testid={`merge-${m.id}`}>
            <Text size="sm">
              {t('duplicates.mergedInto', {
                merged: m.mergedName,
                kept: m.keptId,
                date: fmt.date(m.mergedAt.slice(0, 10)),
              })}
            </Text>
            {m.undoneAt ? (
              <Badge color="gray">{t('duplicates.undone')}</Badge>
            ) : (
              <Button
                size="xs"
                variant="default"
                onClick={() => undo.mutate(m.id)}
                data-testid={`undo-merge-${m.id}`}
              >
                {t('duplicates.undo')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Stack>
  )
}
