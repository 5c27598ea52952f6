import { contextBridge, ipcRenderer } from 'electron'
import type { LukkhaApi } from '../shared/api'
import { eventChannel, ipcChannel, methodNames } from '../shared/api/methods'
import type { LukkhaEvent } from '../shared/events'

// One named function per API method (the zod-free list in shared/api/methods.ts: no zod in the preload), and an event subscription that returns its
// unsubscribe function. Nothing raw (no ipcRenderer, no channel names) reaches the page.
const api = Object.fromEntries(
  methodNames.map((method) => [method, (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as LukkhaApi

function onEvent(listener: (event: LukkhaEvent) => void): () => void {
  const wrapped = (_e: Electron.IpcRendererEvent, event: LukkhaEvent): void => listener(event)
  ipcRenderer.on(eventChannel, wrapped)
  return () => ipcRenderer.removeListener(eventChannel, wrapped)
}

contextBridge.exposeInMainWorld('lukkha', { ...api, onEvent })
