import { useEffect, useState } from 'react'
import type { LukkhaEvent } from '../../../shared/events'

type ProgressEvent = Extract<LukkhaEvent, { type: 'progress' }>

/** The latest progress event of a task done inside one call (e.g. 'demo') while the component is mounted. */
export function useProgress(task: string): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  useEffect(
    () =>
      window.lukkha.onEvent((event) => {
        // Jobs have their own events and hook (api/jobs.ts); this is progress inside one call (the demo).
        if (event.type === 'progress' && event.task === task) setProgress(event)
      }),
    [task],
  )
  return progress
}
