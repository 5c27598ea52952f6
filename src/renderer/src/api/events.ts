import { useEffect, useState } from 'react'
import type { LukkhaEvent } from '../../../shared/events'

type ProgressEvent = Extract<LukkhaEvent, { type: 'progress' }>

/** The latest progress event of a task (e.g. 'demo', 'import') while the component is mounted. */
export function useProgress(task: string): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  useEffect(
    () =>
      window.lukkha.onEvent((event) => {
        // Progress is the only event type so far; a new type makes this line fail to compile on purpose.
        if (event.task === task) setProgress(event)
      }),
    [task],
  )
  return progress
}
