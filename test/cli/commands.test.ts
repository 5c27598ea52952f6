import { describe, expect, it, vi } from 'vitest'
import { buildProgram, COMMANDS } from '../../src/main/cli/index'

// The CLI imports a command's module only when that command runs (fast `--help`); the top-level help is
// drawn from the COMMANDS table, so the table must name exactly what the modules register.

describe('cli command table', () => {
  it('names every top-level command the modules register, each with a summary', async () => {
    const program = await buildProgram([], true)
    const registered = program.commands.map((command) => command.name()).sort()
    expect(COMMANDS.flatMap((entry) => entry.names).sort()).toEqual(registered)
    for (const entry of COMMANDS) {
      expect(entry.summaries).toHaveLength(entry.names.length)
      for (const summary of entry.summaries) expect(summary.length).toBeGreaterThan(10)
    }
  })

  it('loads no command module for the top-level help, and only the named one for a command', async () => {
    const loads = COMMANDS.map((entry) => vi.spyOn(entry, 'load'))
    const help = await buildProgram(['--help'])
    expect(help.commands.map((command) => command.name())).toContain('customers')
    expect(loads.every((load) => load.mock.calls.length === 0)).toBe(true)

    const churn = await buildProgram(['churn', '--customer', 'C1'])
    const called = COMMANDS.filter((_, i) => (loads[i]?.mock.calls.length ?? 0) > 0)
    expect(called.map((entry) => entry.names)).toEqual([['churn']])
    expect(churn.commands.find((command) => command.name() === 'churn')?.options.length).toBeGreaterThan(0)

    await buildProgram(['help', 'restore'])
    expect(loads.filter((load) => load.mock.calls.length > 0)).toHaveLength(2)
    loads.forEach((load) => load.mockRestore())
  })
})
