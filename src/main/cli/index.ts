import { pathToFileURL } from 'node:url'
import { Command } from 'commander'
import { reportError } from './output'

// The command line over the same engine as the app: `npm run --silent cli -- <command> [options]`.
// Each feature registers its commands in ./commands. A command's module (and the engine it pulls in:
// Kysely, better-sqlite3, the analysis...) is imported only when that command runs, so `--help` and every
// command start without loading the others; the top-level help lists the commands from the table below.

type Register = (program: Command) => void

interface CommandEntry {
  /** Top-level command names the module registers. */
  names: string[]
  /** One line per name for the top-level help (the module's own description shows in `NAME --help`). */
  summaries: string[]
  load: () => Promise<Register>
}

export const COMMANDS: CommandEntry[] = [
  {
    names: ['init'],
    summaries: ['create the database, or bring it to the latest schema'],
    load: () => import('./commands/init').then((m) => m.registerInit),
  },
  {
    names: ['stats'],
    summaries: ['count customers, receipts, receipt lines and products'],
    load: () => import('./commands/stats').then((m) => m.registerStats),
  },
  {
    names: ['import'],
    summaries: ['import a POS export (CSV or XLSX) into the database'],
    load: () => import('./commands/import').then((m) => m.registerImport),
  },
  {
    names: ['imports', 'undo-import'],
    summaries: ['list the import history', 'remove exactly what one import added'],
    load: () => import('./commands/imports').then((m) => m.registerImports),
  },
  {
    names: ['export'],
    summaries: ['write data out as files'],
    load: () => import('./commands/export').then((m) => m.registerExport),
  },
  {
    names: ['demo'],
    summaries: ['fill an empty database with the demo café-bakery'],
    load: () => import('./commands/demo').then((m) => m.registerDemo),
  },
  {
    names: ['rfm'],
    summaries: ['RFM scores and segment of every customer'],
    load: () => import('./commands/rfm').then((m) => m.registerRfm),
  },
  {
    names: ['clv'],
    summaries: ['BG/NBD + Gamma-Gamma: P(alive), expected purchases, spend and CLV per customer'],
    load: () => import('./commands/clv').then((m) => m.registerClv),
  },
  {
    names: ['cohorts'],
    summaries: ['monthly acquisition cohorts, retention, new vs returning'],
    load: () => import('./commands/cohorts').then((m) => m.registerCohorts),
  },
  {
    names: ['analyze'],
    summaries: ['run the full analysis and store it as a snapshot, as the app does'],
    load: () => import('./commands/analyze').then((m) => m.registerAnalyze),
  },
  {
    names: ['churn'],
    summaries: ["explain a customer's churn risk from the latest analysis run"],
    load: () => import('./commands/churn').then((m) => m.registerChurn),
  },
  {
    names: ['report'],
    summaries: ['write a printable report as one self-contained HTML file'],
    load: () => import('./commands/report').then((m) => m.registerReport),
  },
  {
    names: ['backup', 'backups', 'check', 'restore'],
    summaries: [
      'take a verified backup now',
      'list the backups of the database, newest first',
      "check the database file for damage (SQLite's quick_check)",
      'replace the database with a backup',
    ],
    load: () => import('./commands/backup').then((m) => m.registerBackup),
  },
  {
    names: ['customers'],
    summaries: ['find, show, export, erase and merge customers'],
    load: () => import('./commands/customers').then((m) => m.registerCustomers),
  },
  {
    names: ['surveys'],
    summaries: ['satisfaction surveys: summary and import of answers'],
    load: () => import('./commands/surveys').then((m) => m.registerSurveys),
  },
  {
    names: ['basket'],
    summaries: ['frequent itemsets and association rules over the sale receipts'],
    load: () => import('./commands/basket').then((m) => m.registerBasket),
  },
  {
    names: ['campaign'],
    summaries: ['campaigns measured against a random hold-out'],
    load: () => import('./commands/campaign').then((m) => m.registerCampaign),
  },
]

function emptyProgram(): Command {
  return new Command()
    .name('lukkha')
    .description('Lukkha, the shop CRM, from the command line')
    .showHelpAfterError()
    .exitOverride()
}

/**
 * The program for these arguments: with the command they name registered for real; without one (help,
 * a typo), every command as a name and a summary, which is all the top-level help and "unknown command"
 * need. `all` registers every command module (tests compare the table with what the modules register).
 */
export async function buildProgram(argv: string[], all = false): Promise<Command> {
  const program = emptyProgram()
  const named = argv[0] === 'help' ? argv[1] : argv[0] // `help NAME` shows the command's own help
  const entry = COMMANDS.find((candidate) => candidate.names.includes(named ?? ''))
  if (all) for (const candidate of COMMANDS) (await candidate.load())(program)
  else if (entry) (await entry.load())(program)
  else
    for (const candidate of COMMANDS)
      candidate.names.forEach((name, i) => program.command(name).description(candidate.summaries[i] ?? ''))
  return program
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv)
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0
    if (typeof code === 'string' && code.startsWith('commander.')) return 2 // commander already said why
    return reportError(error)
  }
}

if (
  import.meta.url === pathToFileURL(process.argv[1] ?? '').href ||
  process.argv[1]?.endsWith('src/main/cli/index.ts')
) {
  // `lukkha rfm | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
