import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../helpers/node'

// The rule that keeps the engine Electron-free is checked by linting real snippets with the project's config.
async function lint(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: projectRoot })
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`)
}

const importElectron = "import { app } from 'electron'\nexport const name = app.getName()\n"

describe('lint rule: electron only in the thin shell', () => {
  it('fires for an engine file', async () => {
    const messages = await lint(importElectron, 'src/main/db/connection.ts')
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('thin shell'))).toBe(true)
  })

  it('fires for the renderer', async () => {
    const messages = await lint(importElectron, 'src/renderer/src/app/App.tsx')
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true)
  })

  it('allows the shell files', async () => {
    for (const file of [
      'src/main/index.ts',
      'src/main/ipc.ts',
      'src/main/shell/window.ts',
      'src/preload/index.ts',
    ]) {
      const messages = await lint(importElectron, file)
      expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([])
    }
  })
})
