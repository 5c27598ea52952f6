import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { ipcChannel, methods } from '../shared/api'
import { eventChannel, type LukkhaEvent } from '../shared/events'
import type { ApiResult } from '../shared/result'
import type { ApiContext } from './api/context'
import { dispatch } from './api/dispatch'
import { isAppUrl } from './shell/security'

// The only file that touches ipcMain. Every call is checked for its sender (the app's own top frame) and
// validated against the contract by dispatch() before any engine code runs.

function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl)
}

export function registerIpc(getContext: () => ApiContext, appUrl: string): void {
  for (const method of methods) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, appUrl)) {
        return {
          ok: false,
          error: { code: 'validation', message: 'The request did not come from the Lukkha window.' },
        }
      }
      return dispatch(method, input, getContext())
    })
  }
}

export function sendEvent(target: WebContents, event: LukkhaEvent): void {
  if (!target.isDestroyed()) target.send(eventChannel, event)
}
