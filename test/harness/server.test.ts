import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { tempDir } from '../helpers/db'
import { startHarness, type Harness } from './server'

// The harness is test and development tooling, but it opens a port: check it only answers its own page.

async function harness(): Promise<Harness> {
  const h = await startHarness({ dbFile: join(tempDir(), 'h.db') })
  onTestFinished(() => h.close())
  return h
}

function raw(h: Harness, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(`${h.origin}${path}`, { headers }, (res) => {
      res.resume()
      done(res.statusCode ?? 0)
    })
    req.on('error', fail)
    req.end()
  })
}

describe('test harness', () => {
  it('listens on the loopback address only', async () => {
    const h = await harness()
    expect(new URL(h.origin).hostname).toBe('127.0.0.1')
  })

  it('serves the page only with the token, then by its cookie, with the bridge script before the app', async () => {
    const h = await harness()
    expect((await fetch(`${h.origin}/`)).status).toBe(401)
    expect((await fetch(`${h.origin}/?token=${'0'.repeat(h.token.length)}`)).status).toBe(401)
    const page = await fetch(h.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const html = await page.text()
    // a classic script at the end of the body: it runs before the app's scripts, which are all modules
    // (deferred until the page is parsed), and after the page's frame is parsed
    const bridge = /<script src="\/__lukkha\/bridge\.js"><\/script>\s*<\/body>/.exec(html)
    expect(bridge).not.toBeNull()
    expect(html.indexOf('id="root"')).toBeLessThan(bridge?.index ?? -1)
    const appScripts = [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !m[0].includes('/__lukkha/'))
    expect(appScripts.length).toBeGreaterThan(0)
    expect(appScripts.every((m) => /type="module"/.test(m[1] ?? '') && !/\basync\b/.test(m[1] ?? ''))).toBe(
      true,
    )
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toContain(h.token)
    const asset = /src="\.(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? ''
    expect((await fetch(`${h.origin}${asset}`)).status).toBe(401)
    expect((await fetch(`${h.origin}${asset}`, { headers: { cookie } })).status).toBe(200)
    expect((await fetch(`${h.origin}/__lukkha/bridge.js`, { headers: { cookie } })).status).toBe(200)
    expect((await fetch(`${h.origin}/..%2F..%2Fpackage.json`, { headers: { cookie } })).status).toBe(404)
  })

  it('runs API calls only with the token header, from its own origin and host', async () => {
    const h = await harness()
    const call = (headers: Record<string, string>) =>
      fetch(`${h.origin}/__lukkha/api/getStats`, { method: 'POST', headers, body: JSON.stringify({}) })
    expect((await call({})).status).toBe(401)
    expect((await call({ 'x-lukkha-token': h.token, origin: 'http://evil.example' })).status).toBe(403)
    const ok = await call({ 'x-lukkha-token': h.token })
    expect(await ok.json()).toEqual({ ok: true, data: { customers: 0, receipts: 0, lines: 0, products: 0 } })
    const invalid = await fetch(`${h.origin}/__lukkha/api/getStats`, {
      method: 'POST',
      headers: { 'x-lukkha-token': h.token },
      body: JSON.stringify({ input: { drop: 1 } }),
    })
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await raw(h, '/', { host: 'lukkha.example:80' })).toBe(403)
  })

  it('streams events to the page as Server-Sent Events', async () => {
    const h = await harness()
    // the new database's daily backup is a job whose events would otherwise race this test's own event
    for (const job of h.ctx.jobs.list()) await h.ctx.jobs.wait(job.jobId)
    const cookie = ((await fetch(h.url)).headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const response = await fetch(`${h.origin}/__lukkha/events`, { headers: { cookie } })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let received = decoder.decode((await reader.read()).value)
    const event = { type: 'progress', task: 't', jobId: 'j', done: 1, total: 2, phase: 'p' } as const
    h.ctx.emit(event)
    while (!received.includes('data: ')) received += decoder.decode((await reader.read()).value)
    expect(JSON.parse(received.slice(received.indexOf('data: ') + 6).split('\n')[0] ?? '')).toEqual(event)
    await reader.cancel()
  })
})
