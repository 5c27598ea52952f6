import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { atMost, type Suite } from '../types'

// How long `cli --help` takes from a cold start of Node to exit: the launcher (scripts/cli.mjs, what
// `npm run cli` runs) and the bundle it starts. npm's own start-up comes on top when run through npm; it
// is measured once and reported as a note, since it is not Lukkha's code.

const root = resolve(import.meta.dirname, '../..')

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function wallMs(command: string, args: string[]): number {
  const start = performance.now()
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`)
  return ms
}

/** User + system CPU of one run, via /usr/bin/time where it exists (wall time is inflated on a loaded machine). */
function cpuMs(args: string[]): number | null {
  if (!existsSync('/usr/bin/time')) return null
  const result = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const match = /cpu (\d+\.\d+) (\d+\.\d+)/.exec(result.stderr.toString())
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : null
}

export const startupSuite: Suite = {
  name: 'startup',
  description: 'CLI start-up: `cli --help` wall time on the project’s Node (median), bundled entry',
  run({ quick }) {
    const runs = quick ? 3 : 9
    wallMs(process.execPath, ['scripts/cli.mjs', '--help']) // warm the file cache (and build if stale)
    const launcher = Array.from({ length: runs }, () =>
      wallMs(process.execPath, ['scripts/cli.mjs', '--help']),
    )
    const bundle = Array.from({ length: runs }, () => wallMs(process.execPath, ['out/main/cli.js', '--help']))
    const bare = Array.from({ length: runs }, () => wallMs(process.execPath, ['-e', '']))
    const cpu = Array.from({ length: runs }, () => cpuMs(['scripts/cli.mjs', '--help'])).filter(
      (v): v is number => v !== null,
    )
    const viaNpm = wallMs('npm', ['run', '--silent', 'cli', '--', '--help'])
    const launcherMs = Math.round(median(launcher))
    return Promise.resolve({
      suite: 'startup',
      figures: [
        {
          name: 'cli --help (node scripts/cli.mjs)',
          value: launcherMs,
          unit: 'ms',
          ...atMost(launcherMs, 300),
        },
        { name: 'cli --help (node out/main/cli.js)', value: Math.round(median(bundle)), unit: 'ms' },
        { name: 'node -e "" (Node alone)', value: Math.round(median(bare)), unit: 'ms' },
        ...(cpu.length > 0
          ? [{ name: 'cli --help CPU time (user + sys)', value: median(cpu), unit: 'ms' }]
          : []),
      ],
      notes: [
        `medians of ${runs} runs; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${String(navigator.hardwareConcurrency)} cores`,
        `through npm (npm run --silent cli -- --help, one run): ${Math.round(viaNpm)} ms, npm's start-up included`,
      ],
    })
  },
}
