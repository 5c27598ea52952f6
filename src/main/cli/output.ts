import { toCodedError } from '../errors'

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

/**
 * Ends a command that failed: one plain line on stderr (a coded error's English sentence; never a stack
 * trace unless LUKKHA_DEBUG is set) and a non-zero exit code: 2 for a coded error about the input or the
 * storage, 1 for an internal one.
 */
export function reportError(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`lukkha: ${error.message}\n`)
    return error.exitCode
  }
  const coded = toCodedError(error)
  process.stderr.write(`lukkha: ${coded.message.replace(/\s*\n\s*/g, ' ')}\n`)
  if (process.env.LUKKHA_DEBUG && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`)
  return coded.code === 'internal' ? 1 : 2
}
