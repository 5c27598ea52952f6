import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL, appEntryUrl, appResponse, resolveAppFile } from '../../src/main/shell/app-protocol'
import { appMenuTemplate } from '../../src/main/shell/menu'
import { CONTENT_SECURITY_POLICY, isAppUrl } from '../../src/main/shell/security'
import { tempDir } from '../helpers/db'

type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number]

// The Electron binary cannot run here: the guard is exercised against a recording fake web contents, the menu
// and the app:// handler are plain functions. Everything they decide is the real code.
const fake = vi.hoisted(() => ({ opened: [] as string[] }))
vi.mock('electron', () => ({
  shell: { openExternal: (url: string) => (fake.opened.push(url), Promise.resolve()) },
  BrowserWindow: vi.fn(),
  session: {},
}))

type Listener = (...args: unknown[]) => void
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((d: { url: string }) => { action: string }) | undefined
  const contents = {
    closeDevTools: vi.fn(),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    on: (name: string, l: Listener) => listeners.set(name, l),
  }
  return { contents, listeners, open: (url: string) => openHandler?.({ url }) }
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('web-contents guard (app.on web-contents-created)', () => {
  it('denies navigation away, new windows and webviews on any web contents, and closes devtools in production', async () => {
    const { guardWebContents } = await import('../../src/main/shell/window')
    const fc = fakeContents()
    guardWebContents(fc.contents as never, APP_ENTRY_URL, { development: false })

    const away = { preventDefault: vi.fn() }
    fc.listeners.get('will-navigate')?.(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    fc.listeners.get('will-navigate')?.(home, `${APP_ENTRY_URL}#/customers`)
    expect(home.preventDefault).not.toHaveBeenCalled()

    const frame = { url: 'file:///etc/passwd', preventDefault: vi.fn() }
    fc.listeners.get('will-frame-navigate')?.(frame)
    expect(frame.preventDefault).toHaveBeenCalled()
    const redirect = { preventDefault: vi.fn() }
    fc.listeners.get('will-redirect')?.(redirect, 'app://elsewhere/index.html')
    expect(redirect.preventDefault).toHaveBeenCalled()

    expect(fc.open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(fc.open('tel:+66812345678')).toEqual({ action: 'deny' })
    expect(fake.opened).toEqual(['tel:+66812345678'])

    const webview = { preventDefault: vi.fn() }
    fc.listeners.get('will-attach-webview')?.(webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    fc.listeners.get('devtools-opened')?.()
    expect(fc.contents.closeDevTools).toHaveBeenCalled()
  })

  it('leaves the developer tools alone in development', async () => {
    const { guardWebContents } = await import('../../src/main/shell/window')
    const fc = fakeContents()
    guardWebContents(fc.contents as never, 'http://localhost:5173/', { development: true })
    expect(fc.listeners.has('devtools-opened')).toBe(false)
    expect(fc.listeners.has('will-navigate')).toBe(true)
  })
})

describe('application menu', () => {
  it('has no reload or developer tools in production, on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const found = roles(appMenuTemplate({ development: false, platform }))
      expect(found).toContain('editMenu') // copy and paste keep working
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'])
        expect(found).not.toContain(role)
      expect(JSON.stringify(appMenuTemplate({ development: false, platform }))).not.toMatch(
        /devtools|reload/i,
      )
    }
  })

  it('offers reload and developer tools while developing', () => {
    expect(roles(appMenuTemplate({ development: true, platform: 'linux' }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    )
  })
})

describe('app:// protocol', () => {
  it('serves only files inside the renderer folder', () => {
    const root = '/opt/Lukkha/resources/app.asar/out/renderer'
    expect(resolveAppFile('app://lukkha/index.html', root)).toBe(`${root}/index.html`)
    expect(resolveAppFile('app://lukkha/', root)).toBe(`${root}/index.html`)
    expect(resolveAppFile('app://lukkha/assets/index-abc.js?x=1#/y', root)).toBe(
      `${root}/assets/index-abc.js`,
    )
    expect(resolveAppFile('app://lukkha/../../../../etc/passwd', root)).toBe(`${root}/etc/passwd`) // URL parsing removes ..
    expect(resolveAppFile('app://lukkha/%2e%2e/%2e%2e/secret', root)).toBe(`${root}/secret`) // so does %2e%2e
    expect(resolveAppFile('app://lukkha/assets/..%2F..%2F..%2Fsecret', root)).toBeNull()
    expect(resolveAppFile('app://lukkha/a%5C..%5C..%5Csecret', root)).toBeNull()
    expect(resolveAppFile('app://lukkha/%00index.html', root)).toBeNull()
    expect(resolveAppFile('app://other/index.html', root)).toBeNull()
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull()
    expect(resolveAppFile('not a url', root)).toBeNull()
  })

  it('answers with the file, its type and the CSP, and 404 for anything else', async () => {
    const root = join(tempDir(), 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lukkha</title>')
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(root, '..', 'secret.txt'), 'do not serve')

    const page = await appResponse('app://lukkha/index.html', root)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<title>Lukkha</title>')
    const script = await appResponse('app://lukkha/assets/app.js', root)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')

    expect((await appResponse('app://lukkha/%2e%2e/secret.txt', root)).status).toBe(404)
    expect((await appResponse('app://lukkha/missing.js', root)).status).toBe(404)
  })

  it('trusts the app:// page and nothing else for IPC and navigation', () => {
    expect(isAppUrl(`${APP_ENTRY_URL}#/dashboard`, APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://lukkha/assets/x.js', APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://evil/index.html', APP_ENTRY_URL)).toBe(false)
    expect(isAppUrl('file:///opt/Lukkha/out/renderer/index.html', APP_ENTRY_URL)).toBe(false)
    expect(isAppUrl('https://lukkha/index.html', APP_ENTRY_URL)).toBe(false)
  })

  it("opens each language's page inside the built renderer, and trusts it like the Thai one", () => {
    expect(appEntryUrl('th')).toBe(APP_ENTRY_URL)
    expect(appEntryUrl('en')).toBe('app://lukkha/index.en.html')
    expect(resolveAppFile(appEntryUrl('en'), '/opt/r')).toBe('/opt/r/index.en.html')
    expect(isAppUrl(`${appEntryUrl('en')}#/dashboard`, APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl(`${APP_ENTRY_URL}#/dashboard`, appEntryUrl('en'))).toBe(true)
  })
})
