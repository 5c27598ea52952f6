import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl } from '../../src/main/shell/security'
import { mainWindowOptions } from '../../src/main/shell/window-options'
import { projectRoot } from '../helpers/node'

// The Electron binary cannot run here, so the window factory is exercised against a recording fake of the
// few Electron objects it uses. Everything it decides (options, handlers) is real code.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  const state = {
    options: undefined as unknown,
    contentsListeners: new Map<string, Listener>(),
    windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
    loaded: '' as string,
    opened: [] as string[],
    permission: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  }
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof state.windowOpenHandler) => (state.windowOpenHandler = h),
      on: (name: string, l: Listener) => state.contentsListeners.set(name, l),
    }
    constructor(options: unknown) {
      state.options = options
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      state.loaded = url
      return Promise.resolve()
    }
  }
  const electron = {
    BrowserWindow,
    shell: { openExternal: (url: string) => (state.opened.push(url), Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof state.permission) => (state.permission = h),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
  }
  return { state, electron }
})
vi.mock('electron', () => fake.electron)

const appUrl = 'file:///opt/Lukkha/resources/app.asar/out/renderer/index.html'

describe('secure window factory', () => {
  beforeEach(() => {
    fake.state.contentsListeners.clear()
    fake.state.opened.length = 0
  })

  it('isolates and sandboxes the page with no Node', () => {
    const prefs = mainWindowOptions('/p/preload.cjs').webPreferences
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('creates windows with those options and denies navigation, new windows and webviews', async () => {
    const { createMainWindow, hardenSession } = await import('../../src/main/shell/window')
    createMainWindow({ preloadPath: '/p/preload.cjs', appUrl })
    expect(fake.state.options).toEqual(mainWindowOptions('/p/preload.cjs'))
    expect(fake.state.loaded).toBe(appUrl)

    expect(fake.state.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(fake.state.windowOpenHandler?.({ url: 'mailto:shop@example.com' })).toEqual({ action: 'deny' })
    expect(fake.state.opened).toEqual(['mailto:shop@example.com']) // allowed links go to the OS, never a window

    const navigate = fake.state.contentsListeners.get('will-navigate')
    const away = { preventDefault: vi.fn() }
    navigate?.(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    navigate?.(home, `${appUrl}#/customers`)
    expect(home.preventDefault).not.toHaveBeenCalled()

    const webview = { preventDefault: vi.fn() }
    fake.state.contentsListeners.get('will-attach-webview')?.(webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    hardenSession()
    const answer = vi.fn()
    fake.state.permission?.(null, 'geolocation', answer)
    expect(answer).toHaveBeenCalledWith(false)
  })

  it('allows only mail, phone and LINE links out of the app', () => {
    expect(isAllowedExternalUrl('mailto:a@b.co')).toBe(true)
    expect(isAllowedExternalUrl('tel:+66812345678')).toBe(true)
    expect(isAllowedExternalUrl('https://line.me/ti/p/~shop')).toBe(true)
    expect(isAllowedExternalUrl('https://line.me.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('http://line.me/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })

  it('trusts only the app page itself', () => {
    expect(isAppUrl(appUrl, appUrl)).toBe(true)
    expect(isAppUrl('file:///tmp/other.html', appUrl)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
  })

  it('ships the same strict CSP in index.html as the session header', () => {
    const html = readFileSync(resolve(projectRoot, 'src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/)
  })
})
