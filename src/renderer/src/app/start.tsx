import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import type { EarlyCalls } from './earlyCalls'

/** Draws the app into #root; loaded by the entry script (main.tsx) beside the current language's texts. */
export function renderApp(early: EarlyCalls): void {
  const root = document.getElementById('root')
  if (!root) return
  createRoot(root).render(
    <StrictMode>
      <App early={early} />
    </StrictMode>,
  )
}
