import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'

// A job that ends while the page's first getJob is still on its way (the answer was read while the job ran;
// the end arrives as an event) must still show as ended: the backup to a missing folder stayed "saving…"
// for good once in CI, because TanStack joined the refetch to the fetch in flight.

// The renderer's modules are typed against the DOM (tsconfig.web.json), so this Node test loads them by a
// path TypeScript does not follow, and names the little it uses.
interface JobsModule {
  listenToJobs: (client: QueryClient) => void
  onJobPhase: (kind: string, phase: string, handler: (job: { jobId: string }) => void) => () => void
  jobQuery: (jobId: string, kind: string) => { queryKey: readonly unknown[] }
}
const renderer = (path: string): Promise<unknown> =>
  import(/* @vite-ignore */ `../../src/renderer/src/${path}`)
const jobsModule = () => renderer('api/jobs') as Promise<JobsModule>
/** The job as the page's query holds it now. */
const shown = (observer: QueryObserver) => observer.getCurrentResult().data as { state?: string } | undefined

const original = (globalThis as { window?: unknown }).window
afterEach(() => {
  ;(globalThis as { window?: unknown }).window = original
})

const job = (state: string, error: unknown = null) => ({
  jobId: 'j1',
  kind: 'backup-file',
  state,
  phase: 'backup-file.phase.copying',
  done: 0,
  total: null,
  error,
  startedAt: '2026-12-01T00:00:00.000Z',
  finishedAt: state === 'running' ? null : '2026-12-01T00:00:01.000Z',
  result: null,
})

/**
 * A page watching job j1 through the real hook, over a bridge whose getJob answers wait until the test
 * releases them (answers[n]) and whose job events the test sends (events.listener).
 */
async function watchedJob() {
  const answers: ((data: unknown) => void)[] = []
  const events: { listener?: (event: unknown) => void } = {}
  ;(globalThis as { window?: unknown }).window = {
    lukkha: {
      getJob: () => new Promise((resolve) => answers.push((data) => resolve({ ok: true, data }))),
      onEvent: (l: (event: unknown) => void) => {
        events.listener = l
        return () => undefined
      },
    },
  }
  const { listenToJobs, jobQuery } = await jobsModule()
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  listenToJobs(client)
  return { answers, events, observer: new QueryObserver(client, jobQuery('j1', 'backup-file')) }
}

describe('job events', () => {
  it('asks again for a job that ended while its first answer was on the way, and shows its error', async () => {
    const { answers, events, observer } = await watchedJob()
    const seen: string[] = []
    const unsubscribe = observer.subscribe((r) => {
      const data = r.data as { state: string } | undefined
      if (data) seen.push(data.state)
    })
    await vi.waitFor(() => expect(answers).toHaveLength(1))

    // the job fails before the page has its first answer
    const failure = { code: 'backup_failed', message: 'The backup could not be made: ENOENT', params: {} }
    expect(events.listener).toBeDefined()
    events.listener?.({
      type: 'job',
      jobId: 'j1',
      kind: 'backup-file',
      state: 'failed',
      phase: 'x',
      done: 0,
      total: null,
    })
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    answers[0]?.(job('running')) // read before the job ended; cancelled, so never shown
    answers[1]?.(job('failed', failure))
    await vi.waitFor(() => expect(shown(observer)?.state).toBe('failed'))
    expect((observer.getCurrentResult().data as { error: unknown }).error).toEqual(failure)
    expect(seen).not.toContain('running')
    unsubscribe()
  })

  it('updates a job the page already has from its events, then fetches its result once it ends', async () => {
    const { answers, events, observer } = await watchedJob()
    const unsubscribe = observer.subscribe(() => undefined)
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    answers[0]?.(job('running'))
    await vi.waitFor(() => expect(shown(observer)?.state).toBe('running'))
    events.listener?.({
      type: 'job',
      jobId: 'j1',
      kind: 'backup-file',
      state: 'running',
      phase: 'p',
      done: 5,
      total: 10,
    })
    expect(observer.getCurrentResult().data).toMatchObject({ state: 'running', done: 5, total: 10 })
    expect(answers).toHaveLength(1) // progress is news enough; no fetch
    events.listener?.({
      type: 'job',
      jobId: 'j1',
      kind: 'backup-file',
      state: 'done',
      phase: 'p',
      done: 10,
      total: 10,
    })
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    answers[1]?.({ ...job('done'), result: { path: '/x.db', bytes: 1 } })
    await vi.waitFor(() =>
      expect(observer.getCurrentResult().data).toMatchObject({ state: 'done', result: { path: '/x.db' } }),
    )
    unsubscribe()
  })

  it('runs a phase handler once per job when a running job of its kind reaches that phase', async () => {
    const { events } = await watchedJob()
    const { onJobPhase } = await jobsModule()
    const reached: string[] = []
    const stop = onJobPhase('analysis', 'analysis.phase.done', (j) => reached.push(j.jobId))
    const send = (jobId: string, kind: string, state: string, phase: string) =>
      events.listener?.({ type: 'job', jobId, kind, state, phase, done: 0, total: null })
    send('a1', 'analysis', 'running', 'analysis.phase.saving')
    send('b1', 'backup-file', 'running', 'analysis.phase.done') // another kind
    expect(reached).toEqual([])
    send('a1', 'analysis', 'running', 'analysis.phase.done') // the run is stored
    send('a1', 'analysis', 'running', 'analysis.phase.done') // the same phase again: once per job
    send('a1', 'analysis', 'done', 'analysis.phase.done') // the end is onJobFinished's
    send('a2', 'analysis', 'running', 'analysis.phase.done')
    expect(reached).toEqual(['a1', 'a2'])
    stop()
    send('a3', 'analysis', 'running', 'analysis.phase.done')
    expect(reached).toEqual(['a1', 'a2'])
  })
})
