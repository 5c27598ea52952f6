import { useEffect, useState, type ReactNode } from 'react'

/**
 * Draws its children one frame after the rest of the screen: what sits below a page's first figures (the
 * dashboard's retention and task cards, chart and best sellers) then costs no time before those figures are
 * painted. The children mount after the next frame is drawn (animation frame, then a task), or after a short
 * while when no frame comes (a hidden window draws none).
 */
export function AfterFirstPaint(props: { children: ReactNode }): React.JSX.Element | null {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    const done = (): void => setReady(true)
    let task: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      task = setTimeout(done, 0)
    })
    const fallback = setTimeout(done, 250)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(task)
      clearTimeout(fallback)
    }
  }, [])
  return ready ? <>{props.children}</> : null
}
