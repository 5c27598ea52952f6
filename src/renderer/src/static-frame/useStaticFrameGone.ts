import { useLayoutEffect } from 'react'
import { STATIC_FRAME_ID } from './markup'

/**
 * Removes the page's static frame (markup.ts) when the calling screen is drawn, in the same frame: the screens
 * that replace it (the main layout, the welcome and recovery screens, an error notice) call this. Until
 * then the frame covers what the app draws below it (a loader while the start questions are answered).
 */
export function useStaticFrameGone(): void {
  useLayoutEffect(() => document.getElementById(STATIC_FRAME_ID)?.remove(), [])
}
