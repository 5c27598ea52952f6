import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import type { ApiContext } from '../../src/main/api/context'
import type { SaveFileChooser } from '../../src/main/backup/chooser'
import { dispatch } from '../../src/main/api/dispatch'
import { createApiContext } from '../../src/main/app-context'
import { displayLanguage } from '../../src/main/settings'
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/security'
import { entryPages } from '../../src/shared/entry-pages'
import { methods } from '../../src/shared/api'
import type { LukkhaEvent } from '../../src/shared/events'
import { BRIDGE_PATH, bridgeScript } from './bridge-script'
import { chromiumPrinter, type HarnessPrinter } from './printer'
import { readStatic } from './static-files'
import { useBundledWorkers } from './workers'

// The end-to-end test harness (DESIGN.md): serves the built renderer and runs the real src/main/api
// handlers, replacing only Electron's IPC with a loopback HTTP bridge. For tests and development only:
// it binds 127.0.0.1, and every request must carry its random token (a header for API calls, a cookie
// set by the entry URL for the page, its files and the event stream). Never bundled into the app.

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')
const MAX_BODY_BYTES = 4 * 1024 * 1024

export interface HarnessOptions {
  dbFile: string
  /** The OS locale the app would get from Electron's app.getLocale(). */
  systemLocale?: string
  port?: number
  rendererDir?: string
  /** The save dialog's stand-in; by default it "chooses" the suggested name in a folder beside the database. */
  chooseSaveFile?: SaveFileChooser
}

export interface Harness {
  /** Open this in the browser: it carries the token and sets the session cookie. */
  url: string
  origin: string
  token: string
  ctx: ApiContext
  /** Prints reports with Chromium; "printed" pages land in a folder beside the database. */
  printer: HarnessPrinter
  /** How many pages are listening to events now. */
  eventClients(): number
  /** How many API calls are being answered now (a bench waits for 0 between page loads). */
  apiCallsInFlight(): number
  close(): Promise<void>
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

interface Reply {
  status: number
  type: string
  body: string | Buffer
  headers?: Record<string, string>
}

const text = (status: number, body: string): Reply => ({ status, type: 'text/plain; charset=utf-8', body })

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    'content-type': reply.type,
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    ...reply.headers,
  })
  res.end(reply.body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The built page `page` (index.html, ...) with the bridge script (the preload's stand-in) at the end of its
 * body: a classic script runs there, before the app's module scripts (deferred until the page is parsed), and
 * it no longer holds up what the head asks for (the stylesheet and the entry script were requested only once
 * bridge.js had arrived) nor the static frame's paint, which the app's preload never delays either
 * (FCP median 484 -> 328 ms, KPI cards 2042 -> 1638 ms, renderer-profile, 7 interleaved runs, load ~10).
 */
function indexHtml(rendererDir: string, page: string): string {
  const html = readFileSync(resolve(rendererDir, page), 'utf8')
  const at = html.lastIndexOf('</body>')
  if (at < 0) throw new Error(`No </body> in ${rendererDir}/${page}`)
  return `${html.slice(0, at)}  <script src="${BRIDGE_PATH}/bridge.js"></script>\n  ${html.slice(at)}`
}

/** The harness's save dialog: the user "chooses" the suggested name in `folder`. */
export function savedFileChooser(folder: string): SaveFileChooser {
  return (suggestedName) => {
    mkdirSync(folder, { recursive: true })
    return Promise.resolve(join(folder, suggestedName))
  }
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run: npm run build`)
  }
  const restoreWorkers = useBundledWorkers()
  const token = randomBytes(24).toString('hex')
  const streams = new Set<ServerResponse>()
  const printer = chromiumPrinter(join(dirname(resolve(options.dbFile)), 'printed'))
  let ctx: ApiContext
  try {
    ctx = await createApiContext({
      dbFile: options.dbFile,
      appVersion: '0.0.0-harness',
      systemLocale: options.systemLocale ?? 'th-TH',
      printer,
      now: () => new Date(), // the harness runs on the machine's clock, as the app does
      chooseSaveFile:
        options.chooseSaveFile ?? savedFileChooser(join(dirname(resolve(options.dbFile)), 'saved')),
      emit: (event: LukkhaEvent) => {
        for (const stream of streams) stream.write(`data: ${JSON.stringify(event)}\n\n`)
      },
    })
  } catch (error) {
    restoreWorkers()
    throw error
  }
  let origin = ''
  let cookieName = ''
  let inFlight = 0

  /** Answers one request; 'stream' when the response stays open as the event stream. */
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<Reply | 'stream'> => {
    // Only the exact loopback origin: a page elsewhere cannot reach the API through DNS rebinding.
    if (req.headers.host !== new URL(origin).host) return text(403, 'wrong host')
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return text(403, 'wrong origin')
    }
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    const viaCookie = sameSecret(cookieValue(req, cookieName), token)

    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      const viaQuery = sameSecret(url.searchParams.get('token') ?? undefined, token)
      if (!viaQuery && !viaCookie) return text(401, 'token required')
      const cookie = `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        // the page in the language the app will draw in, as the app's main process opens it (src/main/index.ts)
        body: indexHtml(rendererDir, entryPages[await displayLanguage(ctx.db, ctx.systemLocale)]),
        headers: { 'set-cookie': cookie },
      }
    }
    if (path.startsWith(`${BRIDGE_PATH}/api/`)) {
      if (req.method !== 'POST') return text(405, 'POST only')
      if (!sameSecret(req.headers['x-lukkha-token'] as string | undefined, token)) {
        return text(401, 'token required')
      }
      inFlight++
      try {
        const body = JSON.parse(await readBody(req)) as { input?: unknown }
        const result = await dispatch(path.slice(`${BRIDGE_PATH}/api/`.length), body.input, ctx)
        return { status: 200, type: 'application/json', body: JSON.stringify(result) }
      } finally {
        inFlight--
      }
    }
    if (!viaCookie) return text(401, 'token required')
    if (req.method !== 'GET') return text(405, 'GET only')
    if (path === `${BRIDGE_PATH}/bridge.js`) {
      return { status: 200, type: 'text/javascript; charset=utf-8', body: bridgeScript(token, methods) }
    }
    if (path === `${BRIDGE_PATH}/events`) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return 'stream'
    }
    // A browser tab asks for a favicon, which Electron never does; answer so no 404 is logged.
    if (path === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' }
    const file = readStatic(rendererDir, path)
    if (!file) return text(404, 'not found')
    return { status: 200, type: file.type, body: file.body }
  }

  const server = createServer((req, res) => {
    route(req, res).then(
      (reply) => {
        if (reply !== 'stream') send(res, reply)
      },
      (error: unknown) => {
        if (!res.headersSent) send(res, text(500, error instanceof Error ? error.message : String(error)))
      },
    )
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  // Cookies do not separate ports: a name per port keeps two harnesses in one browser apart.
  cookieName = `lukkha_harness_${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    ctx,
    printer,
    eventClients: () => streams.size,
    apiCallsInFlight: () => inFlight,
    async close() {
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await printer.close()
      // every job is cancelled and awaited (its thread has let go of the database) before the file is closed
      await ctx.close()
      restoreWorkers()
    },
  }
}
