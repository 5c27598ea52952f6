import type { Method } from '../../src/shared/api'

export const BRIDGE_PATH = '/__lukkha'

/**
 * The page-side half of the HTTP bridge: gives the page the same window.lukkha as the preload does (one
 * function per API method returning an ApiResult, and onEvent returning its unsubscribe function), over
 * fetch and Server-Sent Events to the harness. Served from the harness's own origin, so the app's CSP
 * (script-src 'self', connect-src 'self') holds unchanged.
 */
export function bridgeScript(token: string, methods: readonly Method[]): string {
  return `(() => {
  'use strict'
  const token = ${JSON.stringify(token)}
  const methods = ${JSON.stringify(methods)}
  const call = (method) => async (input) => {
    try {
      const response = await fetch('${BRIDGE_PATH}/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lukkha-token': token },
        body: JSON.stringify({ input }),
      })
      return await response.json()
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: 'The test harness did not answer: ' + error } }
    }
  }
  const listeners = new Set()
  // Connected at once, like the preload's IPC listener, so no event of an early call is missed.
  const source = new EventSource('${BRIDGE_PATH}/events')
  source.onmessage = (message) => {
    const event = JSON.parse(message.data)
    for (const listener of listeners) listener(event)
  }
  const api = {
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  for (const method of methods) api[method] = call(method)
  Object.defineProperty(window, 'lukkha', { value: Object.freeze(api), enumerable: true })
})()
`
}
