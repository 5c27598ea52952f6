import { chromium, type BrowserContext } from 'playwright-core'

// Debian's Chromium as the tests start it (TOOLCHAIN.md): headless, no background traffic on this offline machine.
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Chromium with its profile in `profileDir` (the tests' and the bench's): pages are checked as a shop owner's
 * common 1366x768 laptop screen shows them (the app window's own default size is in
 * src/main/shell/window-options.ts).
 */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: CHROMIUM_ARGS,
  })
}
