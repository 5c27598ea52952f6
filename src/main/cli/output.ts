import { LukkhaError } from '../errors'

/** Thrown by a command to end with a message on stderr and a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** JSON for machines: stdout alone, snake_case keys (the command builds them so). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** Prints rows as an aligned text table for people. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  for (const row of cells)
    printLine(
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
}

export function reportError(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`lukkha: ${error.message}\n`)
    return error.exitCode
  }
  if (error instanceof LukkhaError) {
    process.stderr.write(`lukkha: ${error.message}\n`)
    return 2
  }
  process.stderr.write(`lukkha: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 1
}
