import { describe, expect, it, vi } from 'vitest'
import { ipcChannel, methodNames } from '../../src/shared/api/methods'
import { testContext } from '../helpers/db'

// ipc.ts is the only file that touches ipcMain; Electron cannot run here, so a recording fake of ipcMain
// stands in and the registered handlers are called with made-up senders. Everything they decide is real.
const fake = vi.hoisted(() => {
  type Handler = (event: unknown, input: unknown) => Promise<unknown>
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    electron: { ipcMain: { handle: (channel: string, h: Handler) => handlers.set(channel, h) } },
  }
})
vi.mock('electron', () => fake.electron)

const appUrl = 'file:///opt/Lukkha/resources/app.asar/out/renderer/index.html'
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

describe('IPC', () => {
  it('answers every contract method only from the app window, and validates what it gets', async () => {
    const { registerIpc } = await import('../../src/main/ipc')
    const ctx = await testContext()
    registerIpc(() => ctx, appUrl)
    expect([...fake.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort())
    const getStats = fake.handlers.get(ipcChannel('getStats'))
    if (!getStats) throw new Error('getStats not registered')

    // the app's own top frame: answered
    expect(await getStats(frame(appUrl), undefined)).toMatchObject({ ok: true, data: { receipts: 0 } })
    // another page, a sub-frame of the app, no frame at all: refused before any engine code
    const refused = {
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/Lukkha window/) },
    }
    expect(await getStats(frame('https://evil.example/'), undefined)).toMatchObject(refused)
    expect(await getStats(frame(appUrl, { url: appUrl }), undefined)).toMatchObject(refused)
    expect(await getStats({ senderFrame: null }, undefined)).toMatchObject(refused)
    // a trusted sender with a bad argument: the contract refuses it
    const getJob = fake.handlers.get(ipcChannel('getJob'))
    expect(await getJob?.(frame(appUrl), { jobId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})
